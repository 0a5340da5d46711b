/**
 * What every page pays for ClaimTrail: the content script files the manifest injects plus the
 * scripts they may import later (web-accessible .js files such as review-card.js), gzipped one by
 * one, and their sum against the 40 KB budget (issue #4). Runs after `npm run build`:
 *
 *   npx tsx scripts/bundle-size.ts [--check] [--json]
 *
 * --check exits non-zero when a build is over budget. Sizes are gzip -9 bytes; 1 KB = 1000 bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 40_000;
const OUTPUT = join(import.meta.dirname, '..', '.output');
const TARGETS = ['chrome-mv3', 'firefox-mv3'];

interface Manifest {
  content_scripts?: { js?: string[] }[];
  web_accessible_resources?: ({ resources?: string[] } | string)[];
}

/** Files a page can get from the extension: injected content scripts, then importable scripts. */
function pageScripts(manifest: Manifest): string[] {
  const injected = (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []);
  const importable = (manifest.web_accessible_resources ?? [])
    .flatMap((entry) => (typeof entry === 'string' ? [entry] : (entry.resources ?? [])))
    .filter((file) => file.endsWith('.js'));
  return [...new Set([...injected, ...importable])];
}

const args = process.argv.slice(2);
const report: Record<string, { files: { file: string; bytes: number; gzip: number }[]; totalGzip: number }> = {};
for (const target of TARGETS) {
  const dir = join(OUTPUT, target);
  if (!existsSync(join(dir, 'manifest.json'))) continue;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const files = pageScripts(manifest).map((file) => {
    const code = readFileSync(join(dir, file));
    return { file, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
  });
  report[target] = { files, totalGzip: files.reduce((sum, file) => sum + file.gzip, 0) };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
if (args.includes('--json')) console.log(JSON.stringify({ budgetGzip: BUDGET_BYTES, ...report }, null, 2));
else {
  for (const [target, { files, totalGzip }] of Object.entries(report)) {
    const parts = files.map((file) => `${file.file} ${kb(file.gzip)}`).join(' + ');
    const verdict = totalGzip <= BUDGET_BYTES ? 'within' : 'OVER';
    console.log(`Content script bundle (${target}), gzipped: ${parts} = ${kb(totalGzip)} (${verdict} the ${kb(BUDGET_BYTES)} budget)`);
  }
}
if (Object.keys(report).length === 0) {
  console.error('No build in .output/: run `npm run build` first.');
  process.exit(1);
}
if (args.includes('--check') && Object.values(report).some((entry) => entry.totalGzip > BUDGET_BYTES)) process.exit(1);
