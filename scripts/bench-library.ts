/**
 * npm run bench:library [-- --claims 100000] [--runs 3] [--node] [--json]
 *
 * Library at scale (library issue): with N claims over N/10 pages, the time to export to each format,
 * to import the JSON export into an empty database (parse + validate, then the one write transaction),
 * to import it again into the library it filled (every claim already here: the merge reads, writes
 * nothing), and to answer each keystroke of a search typed over the whole library. Every step runs --runs times
 * in this one run and the table shows the median. Default: real headless Chromium (the code is bundled
 * into a page on 127.0.0.1); next to wall time it shows the CPU time all Chromium processes used in the
 * step (IndexedDB writes happen in the browser process, not the page's): on a loaded machine wall time
 * stretches, CPU time does not. --node runs the same code in Node on fake-indexeddb, whose writes are
 * far slower than a browser's: its import time is not representative.
 * Targets at 100k: each export < 3 s, import < 10 s, each keystroke < 100 ms.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import 'fake-indexeddb/auto';
import puppeteer from 'puppeteer-core';
import { browserPath } from '../tests/e2e/browsers';
import { createDb } from '../utils/db/database';
import { runLibraryBench, type LibraryBenchResult, type Sample } from './lib/library-bench-core';
import { median } from './lib/timing';
import { renderTable } from './lib/table';

const TARGETS = { exportMs: 3000, importMs: 10_000, keystrokeMs: 100 } as const;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** CPU ms (user + system) of a process and all its descendants, from /proc (Linux). */
function treeCpuMs(rootPid: number): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) in parentheses: state ppid … utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) if (p === rootPid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, t] of ticks) if (inTree(pid)) total += t;
  return total * 10; // USER_HZ is 100 on Linux: 10 ms a tick.
}

async function inChromium(claims: number, runs: number): Promise<LibraryBenchResult> {
  const out = await build({
    entryPoints: [path.join(repoRoot, 'scripts/lib/library-bench-page.ts')],
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022',
  });
  const script = out.outputFiles[0]?.text ?? '';
  const server = http.createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>library bench</title><script src="/bench.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await puppeteer.launch({
    executablePath: browserPath('chromium'),
    headless: true,
    pipe: true,
    protocolTimeout: 1_800_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const pid = browser.process()?.pid;
    const page = await browser.newPage();
    await page.exposeFunction('benchBrowserCpu', () => (pid === undefined ? 0 : treeCpuMs(pid)));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'claimtrailLibraryBench' in globalThis);
    return await page.evaluate(
      (n, r) => (globalThis as unknown as { claimtrailLibraryBench: { run(n: number, runs: number): Promise<LibraryBenchResult> } }).claimtrailLibraryBench.run(n, r),
      claims, runs,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

const { values } = parseArgs({ options: { claims: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' }, node: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
const claims = Number(values.claims);
const runs = Math.max(1, Number(values.runs));
const engine = values.node ? 'node + fake-indexeddb (process CPU time)' : 'headless chromium (wall time; CPU = all Chromium processes)';
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const loadBefore = loadavg();
const result = values.node
  ? await runLibraryBench(() => createDb(`library-bench-${Date.now()}-${Math.random()}`), claims, runs, { log: (line) => console.error(line), clock: cpuMs })
  : await inChromium(claims, runs);
const loadAfter = loadavg();

if (values.json) {
  console.log(JSON.stringify({ engine, loadavgBefore: loadBefore, loadavgAfter: loadAfter, ...result }, null, 2));
} else {
  const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
  const ok = (n: number, target: number) => (n < target ? 'yes' : 'NO');
  const wall = (samples: Sample[]) => median(samples.map((s) => s.ms));
  const cpu = (samples: Sample[]) => {
    const known = samples.flatMap((s) => (s.cpuMs === undefined ? [] : [s.cpuMs]));
    return known.length ? ms(median(known)) : '';
  };
  const all = (samples: Sample[]) => samples.map((s) => Math.round(s.ms).toLocaleString('en')).join(' / ');
  const keys = result.keystrokes.map((k) => k.ms);
  // The slowest keystroke of each run, then the median of those: one unlucky GC pause does not decide it.
  const perRun = <T extends { ms: number }>(items: T[]) => Array.from({ length: result.runs }, (_, r) => items.slice((r * items.length) / result.runs, ((r + 1) * items.length) / result.runs));
  const keyMax = median(perRun(result.keystrokes).map((run) => Math.max(...run.map((k) => k.ms))));
  const scanMax = median(perRun(result.fullScans).map((run) => Math.max(...run.map((k) => k.ms))));
  const scanMedian = median(result.fullScans.map((k) => k.ms));
  const rows = [
    ...result.exports.map((e) => [`export ${e.format}`, ms(wall(e.samples)), cpu(e.samples), all(e.samples), `${(e.bytes / 1e6).toFixed(1)} MB`, ms(TARGETS.exportMs), ok(wall(e.samples), TARGETS.exportMs)]),
    ['import: parse + validate', ms(wall(result.importParse)), cpu(result.importParse), all(result.importParse), `${(result.importBytes / 1e6).toFixed(1)} MB`, '', ''],
    ['import: one transaction', ms(wall(result.importWrite)), cpu(result.importWrite), all(result.importWrite), '', '', ''],
    ['import total', ms(wall(result.importTotal)), cpu(result.importTotal), all(result.importTotal), '', ms(TARGETS.importMs), ok(wall(result.importTotal), TARGETS.importMs)],
    ['re-import (all already here)', ms(wall(result.reimport)), cpu(result.reimport), all(result.reimport), 'no writes', '', ''],
    ['search index build (once)', ms(result.indexBuildMs), '', '', '', '', ''],
    ['search keystroke median', ms(median(keys)), '', '', `${keys.length} keys`, ms(TARGETS.keystrokeMs), ok(median(keys), TARGETS.keystrokeMs)],
    ['search keystroke max', ms(keyMax), '', '', 'median of runs', ms(TARGETS.keystrokeMs), ok(keyMax, TARGETS.keystrokeMs)],
    ['search from scratch median', ms(scanMedian), '', '', 'any query', ms(TARGETS.keystrokeMs), ok(scanMedian, TARGETS.keystrokeMs)],
    ['search from scratch max', ms(scanMax), '', '', 'median of runs', ms(TARGETS.keystrokeMs), ok(scanMax, TARGETS.keystrokeMs)],
  ];
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  console.log(`Library benchmark: ${claims.toLocaleString('en')} claims, ${runs} runs (median shown) on ${engine}; load average before ${load(loadBefore)}, after ${load(loadAfter)}`);
  console.log(renderTable([{ header: 'step' }, { header: 'wall', align: 'right' }, { header: 'cpu', align: 'right' }, { header: 'each run (ms)', align: 'right' }, { header: 'size', align: 'right' }, { header: 'target', align: 'right' }, { header: 'met' }], rows));
}
