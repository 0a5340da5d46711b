// `npm test`: everything CI checks, in order, stopping at the first failure.
//   browsers present → typecheck → lint → unit tests → build → e2e tests (Chromium and Firefox)
// The last line is always `N passed, N failed` (unit + e2e test counts) for CI to read; a test file that
// fails to load counts as one failed test.
// CHROMIUM_PATH / FIREFOX_PATH point at other browser executables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, findBrowser } from '../tests/e2e/browsers';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'node_modules/.bin');
const reports = mkdtempSync(join(tmpdir(), 'claimtrail-test-'));

interface Phase {
  name: string;
  run(): boolean;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{ name: string; status: string; assertionResults: Array<{ status: string }> }>;
}

const counts = { passed: 0, failed: 0 };

function command(bin: string, args: string[]): () => boolean {
  return () => spawnSync(bin, args, { cwd: ROOT, stdio: 'inherit' }).status === 0;
}

function vitest(label: string, args: string[]): () => boolean {
  return () => {
    const reportFile = join(reports, `${label}.json`);
    const ok = command(join(BIN, 'vitest'), [
      'run',
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
    ])();
    let failed = 0;
    try {
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport;
      counts.passed += report.numPassedTests;
      // A file that fails to load or errors in a hook has no failed test, but it is a failure all the same.
      const brokenFiles = report.testResults.filter(
        (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
      );
      for (const file of brokenFiles) console.error(`failed to run: ${file.name}`);
      failed = report.numFailedTests + brokenFiles.length;
    } catch {
      console.error(`(no test report from the ${label} tests: vitest did not finish)`);
    }
    // Never let a failed run read as "0 failed".
    counts.failed += ok ? failed : Math.max(failed, 1);
    return ok;
  };
}

const phases: Phase[] = [
  {
    name: 'browsers',
    run() {
      const missing = BROWSERS.map(findBrowser).flatMap((found) => ('missing' in found ? [found.missing] : []));
      for (const message of missing) console.error(message);
      return missing.length === 0;
    },
  },
  { name: 'typecheck', run: command(join(BIN, 'tsc'), ['--noEmit']) },
  { name: 'lint', run: command(join(BIN, 'eslint'), ['.']) },
  { name: 'unit tests', run: vitest('unit', []) },
  { name: 'build', run: command('npm', ['run', '--silent', 'build']) },
  { name: 'e2e tests', run: vitest('e2e', ['-c', 'vitest.e2e.config.ts']) },
];

const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
for (const phase of phases) {
  console.log(`\n▶ ${phase.name}`);
  const started = performance.now();
  const ok = phase.run();
  results.push({ name: phase.name, ok, seconds: (performance.now() - started) / 1000 });
  if (!ok) break;
}
rmSync(reports, { recursive: true, force: true });

const failedPhase = results.find((result) => !result.ok);
console.log('\nSummary');
for (const phase of phases) {
  const result = results.find((r) => r.name === phase.name);
  const status = result ? (result.ok ? 'ok  ' : 'FAIL') : 'skip';
  console.log(`  ${status}  ${phase.name.padEnd(11)} ${result ? `${result.seconds.toFixed(1)} s` : ''}`);
}
if (failedPhase) console.log(`\nFAILED at ${failedPhase.name}; later steps did not run.`);
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = failedPhase ? 1 : 0;
