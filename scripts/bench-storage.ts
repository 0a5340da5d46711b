/**
 * npm run bench:storage [-- --sizes 0,1000,10000,100000] [--node] [--json] [--check]
 *
 * Storage at scale (storage issue): with N claims over N/10 pages, the time to open the database,
 * load one page's claims, run a whole page visit, and write a review; and the IndexedDB size on
 * disk. Default: real headless Chromium (the benchmark code is bundled into a page on 127.0.0.1, so
 * it runs on Chromium's own IndexedDB; an extension origin uses the same backend). --node runs the
 * same code on fake-indexeddb for a quick look (no disk size; not representative of a browser).
 * Targets at 100k claims: load one page < 20 ms, write a review < 10 ms, open < 200 ms.
 * Size 0 is the baseline: what opening costs in a freshly started browser with an empty database.
 * The load average is printed with the results: on a shared machine it explains a lot.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
// Only --node uses it; installing the fake IndexedDB in the Node process is harmless for Chromium runs.
import 'fake-indexeddb/auto';
import puppeteer from 'puppeteer-core';
import type { Page } from 'puppeteer-core';
import { browserPath } from '../tests/e2e/browsers';
import { CHUNK_CLAIMS } from '../utils/db/claim-chunks';
import { createDb } from '../utils/db/database';
import { runStorageBench } from './lib/storage-bench-core';
import type { StorageBenchResult } from './lib/storage-bench-core';
import { renderTable } from './lib/table';

const TARGETS = { loadPageMs: 20, reviewMs: 10, openMs: 200 } as const;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Row extends StorageBenchResult {
  engine: 'chromium' | 'fake-indexeddb';
  diskBytes: number | null;
  /** Opening in a freshly started browser right after the bulk fill (storage engine still settling). */
  coldOpenMs: number | null;
  coldFirstLoadMs: number | null;
  /** Opening in a freshly started browser once the profile has been used and restarted (steady state). */
  steadyOpenMs: number | null;
  /** The part of steadyOpenMs spent in the browser's storage engine (bare indexedDB.open). */
  steadyEngineOpenMs: number | null;
  steadyFirstLoadMs: number | null;
}

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '0,1000,10000,100000' },
    node: { type: 'boolean' },
    json: { type: 'boolean' },
    check: { type: 'boolean' },
  },
});
const sizes = (args.sizes ?? '').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n >= 0);

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? await dirSize(p) : (await stat(p)).size;
  }
  return total;
}

async function bundlePage(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(repoRoot, 'scripts/lib/storage-bench-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  });
  const code = out.outputFiles[0]?.text;
  if (!code) throw new Error('bundling the benchmark page failed');
  return code;
}

function serve(script: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>storage bench</title><script src="/bench.js"></script>');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function withChromium<T>(userDataDir: string, url: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const browser = await puppeteer.launch({
    executablePath: browserPath('chromium'),
    headless: true,
    pipe: true,
    userDataDir,
    protocolTimeout: 600_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => 'claimtrailBench' in globalThis);
    return await fn(page);
  } finally {
    await browser.close();
  }
}

interface PageBench {
  populate(claims: number): Promise<{ pages: number; populateMs: number }>;
  measure(claims: number): Promise<Omit<StorageBenchResult, 'claims' | 'pages' | 'populateMs'>>;
  coldOpen(claims: number): Promise<{ engineOpenMs: number; openMs: number; firstLoadMs: number }>;
}

type BenchGlobal = { claimtrailBench: PageBench };

async function runChromium(): Promise<Row[]> {
  const server = await serve(await bundlePage());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const rows: Row[] = [];
  try {
    for (const claims of sizes) {
      const userDataDir = await mkdtemp(path.join(tmpdir(), 'claimtrail-bench-storage-'));
      try {
        // Three browser sessions on one profile, as a user's browser restarts: fill; restart and measure;
        // restart again for the steady-state open.
        const populated = await withChromium(userDataDir, url, (page) => page.evaluate((n) => (globalThis as unknown as BenchGlobal).claimtrailBench.populate(n), claims));
        const { cold, measured } = await withChromium(userDataDir, url, async (page) => ({
          cold: await page.evaluate((n) => (globalThis as unknown as BenchGlobal).claimtrailBench.coldOpen(n), claims),
          measured: await page.evaluate((n) => (globalThis as unknown as BenchGlobal).claimtrailBench.measure(n), claims),
        }));
        const steady = await withChromium(userDataDir, url, (page) => page.evaluate((n) => (globalThis as unknown as BenchGlobal).claimtrailBench.coldOpen(n), claims));
        const diskBytes = await dirSize(path.join(userDataDir, 'Default', 'IndexedDB'));
        rows.push({
          claims, ...populated, ...measured, engine: 'chromium', diskBytes,
          coldOpenMs: cold.openMs, coldFirstLoadMs: cold.firstLoadMs,
          steadyOpenMs: steady.openMs, steadyEngineOpenMs: steady.engineOpenMs, steadyFirstLoadMs: steady.firstLoadMs,
        });
        if (!args.json) console.error(`  ${claims} claims done`);
      } finally {
        await rm(userDataDir, { recursive: true, force: true });
      }
    }
  } finally {
    server.close();
  }
  return rows;
}

async function runNode(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const claims of sizes) {
    const result = await runStorageBench(createDb, claims);
    rows.push({ ...result, engine: 'fake-indexeddb', diskBytes: null, coldOpenMs: null, coldFirstLoadMs: null, steadyOpenMs: null, steadyEngineOpenMs: null, steadyFirstLoadMs: null });
    if (!args.json) console.error(`  ${claims} claims done`);
  }
  return rows;
}

const ms = (n: number | null) => (n === null ? '—' : n.toFixed(2));
const mb = (n: number | null) => (n === null ? '—' : (n / 1e6).toFixed(1));

function missedTargets(rows: Row[]): string[] {
  const largest = rows.at(-1);
  if (!largest || largest.claims < 100_000) return [];
  const missed: string[] = [];
  if (largest.loadPageMs.median >= TARGETS.loadPageMs) missed.push(`load one page ${ms(largest.loadPageMs.median)} ms ≥ ${TARGETS.loadPageMs}`);
  if (largest.reviewMs.median >= TARGETS.reviewMs) missed.push(`write a review ${ms(largest.reviewMs.median)} ms ≥ ${TARGETS.reviewMs}`);
  const open = largest.steadyOpenMs ?? largest.openMs.median;
  if (open >= TARGETS.openMs) missed.push(`open ${ms(open)} ms ≥ ${TARGETS.openMs}`);
  return missed;
}

const loadBefore = loadavg()[0] ?? 0;
const rows = args.node ? await runNode() : await runChromium();
const load = `load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after, on ${cpus().length} cores`;
if (args.json) {
  console.log(JSON.stringify({ rows, targets: TARGETS, missed: missedTargets(rows), load }, null, 2));
} else {
  console.log(`\nStorage at scale — ${rows[0]?.engine ?? ''} (median / p95 ms; N claims over N/10 pages)\n`);
  console.log(
    renderTable(
      ['claims', 'pages', 'fill s', 'open (warm)', 'open after 5 s idle', 'open after fill+restart', 'open after restart (engine)', 'load page', 'page visit', 'review write', 'disk MB', 'usage MB'].map(
        (header, i) => ({ header, align: i === 0 || i === 1 ? ('right' as const) : ('left' as const) }),
      ),
      rows.map((r) => [
        String(r.claims), String(r.pages), (r.populateMs / 1000).toFixed(1),
        `${ms(r.openMs.median)} / ${ms(r.openMs.p95)}`, `${ms(r.idleOpenMs.median)} / ${ms(r.idleOpenMs.p95)}`, ms(r.coldOpenMs), `${ms(r.steadyOpenMs)} (${ms(r.steadyEngineOpenMs)})`,
        `${ms(r.loadPageMs.median)} / ${ms(r.loadPageMs.p95)}`, `${ms(r.openPageMs.median)} / ${ms(r.openPageMs.p95)}`,
        `${ms(r.reviewMs.median)} / ${ms(r.reviewMs.p95)}`, mb(r.diskBytes), mb(r.usageBytes),
      ]),
    ),
  );
  console.log(
    `\nOne page with ${(rows[0]?.crowdedPage.claims ?? 0).toLocaleString('en')} claims (stored in slices of ${CHUNK_CLAIMS} claims): ` +
      rows.map((r) => `at ${r.claims.toLocaleString('en')}: load ${ms(r.crowdedPage.loadMs.median)} / ${ms(r.crowdedPage.loadMs.p95)} ms, review ${ms(r.crowdedPage.reviewMs.median)} / ${ms(r.crowdedPage.reviewMs.p95)} ms`).join('; ') + '.',
  );
  console.log(`\n${load}.`);
  console.log(`Targets at 100k: load page < ${TARGETS.loadPageMs} ms, review < ${TARGETS.reviewMs} ms, open < ${TARGETS.openMs} ms.`);
  const missed = missedTargets(rows);
  console.log(missed.length ? `Missed: ${missed.join('; ')}` : rows.at(-1)?.claims === 100_000 ? 'All targets met.' : '');
}
if (args.check && missedTargets(rows).length) process.exit(1);
