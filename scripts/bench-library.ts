/**
 * npm run bench:library [-- --claims 100000] [--node] [--json]
 *
 * Library at scale (library issue): with N claims over N/10 pages, the time to export to each format,
 * to import the JSON export into an empty database (parse + validate, then the one write transaction),
 * and to answer each keystroke of a search typed over the whole library. Default: real headless
 * Chromium (the code is bundled into a page on 127.0.0.1). --node runs the same code in Node on
 * fake-indexeddb, whose writes are far slower than a browser's: its import time is not representative.
 * Targets at 100k: each export < 3 s, import < 10 s, each keystroke < 100 ms.
 * The load average is printed with the results: on a shared machine it explains a lot.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import 'fake-indexeddb/auto';
import puppeteer from 'puppeteer-core';
import { browserPath } from '../tests/e2e/browsers';
import { createDb } from '../utils/db/database';
import { runLibraryBench, type LibraryBenchResult } from './lib/library-bench-core';
import { renderTable } from './lib/table';

const TARGETS = { exportMs: 3000, importMs: 10_000, keystrokeMs: 100 } as const;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function inChromium(claims: number): Promise<LibraryBenchResult> {
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
    protocolTimeout: 900_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'claimtrailLibraryBench' in globalThis);
    return await page.evaluate((n) => (globalThis as unknown as { claimtrailLibraryBench: { run(n: number): Promise<LibraryBenchResult> } }).claimtrailLibraryBench.run(n), claims);
  } finally {
    await browser.close();
    server.close();
  }
}

const { values } = parseArgs({ options: { claims: { type: 'string', default: '100000' }, node: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
const claims = Number(values.claims);
const engine = values.node ? 'node + fake-indexeddb (process CPU time)' : 'headless chromium (wall time)';
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const result = values.node
  ? await runLibraryBench(createDb(`library-bench-${Date.now()}`), claims, (line) => console.error(line), cpuMs)
  : await inChromium(claims);

if (values.json) {
  console.log(JSON.stringify({ engine, loadavg: loadavg(), ...result }, null, 2));
} else {
  const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
  const ok = (n: number, target: number) => (n < target ? 'yes' : 'NO');
  const keys = result.keystrokes.map((k) => k.ms).sort((a, b) => a - b);
  const rows = [
    ...result.exports.map((e) => [`export ${e.format}`, ms(e.ms), `${(e.bytes / 1e6).toFixed(1)} MB`, ms(TARGETS.exportMs), ok(e.ms, TARGETS.exportMs)]),
    ['import: parse + validate', ms(result.importParseMs), `${(result.importBytes / 1e6).toFixed(1)} MB`, '', ''],
    ['import: one transaction', ms(result.importWriteMs), '', '', ''],
    ['import total', ms(result.importTotalMs), '', ms(TARGETS.importMs), ok(result.importTotalMs, TARGETS.importMs)],
    ['search index build (once)', ms(result.indexBuildMs), '', '', ''],
    ['search keystroke median', ms(keys[Math.floor(keys.length / 2)] ?? 0), `${keys.length} keys`, '', ''],
    ['search keystroke max', ms(keys.at(-1) ?? 0), '', ms(TARGETS.keystrokeMs), ok(keys.at(-1) ?? 0, TARGETS.keystrokeMs)],
    ['search from scratch, max', ms(Math.max(...result.fullScans.map((k) => k.ms))), 'any query', ms(TARGETS.keystrokeMs), ok(Math.max(...result.fullScans.map((k) => k.ms)), TARGETS.keystrokeMs)],
  ];
  console.log(`Library benchmark: ${claims.toLocaleString('en')} claims on ${engine}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(renderTable([{ header: 'step' }, { header: 'time', align: 'right' }, { header: 'size', align: 'right' }, { header: 'target', align: 'right' }, { header: 'met' }], rows));
}
