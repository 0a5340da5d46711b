/**
 * npm run bench [-- --json] [--mb 5] [--runs 5] [--quick] [--check]
 *
 * Detector speed on generated news-like text (scripts/lib/newsgen.ts), against a single global
 * regex pass over the same text in the same run (the practical speed limit); scaling from 100 KB
 * to 10 MB; adversarial inputs; latency on a typical 30 KB article; peak memory; bundle size.
 * Targets (detector issue): ≥ 25 MB/s, ≥ 1/15 of the regex pass, 30 KB article < 2 ms median,
 * bundle ≤ 15 KB gzipped. --check exits 1 when a target is missed.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { detectClaims } from '../utils/claims/index';
import { ADVERSARIAL, generateNews } from './lib/newsgen';
import { renderTable } from './lib/table';
import { median, megabytes, percentile, timeOnce } from './lib/timing';

const TARGET_MBPS = 25;
const TARGET_BASELINE_FRACTION = 1 / 15;
const TARGET_ARTICLE_MS = 2;
const TARGET_GZIP_BYTES = 15 * 1024;
/** Time per MB may wander this much across sizes and still count as linear. */
const LINEAR_TOLERANCE = 2;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseCli() {
  try {
    return parseArgs({
      options: {
        json: { type: 'boolean' },
        mb: { type: 'string', default: '5' },
        runs: { type: 'string', default: '5' },
        quick: { type: 'boolean' },
        check: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
}

const args = parseCli();
if (args.help) {
  console.log('usage: npm run bench -- [--json] [--mb 5] [--runs 5] [--quick] [--check]');
  process.exit(0);
}
const RUNS = Math.max(1, Number(args.runs) || 5);
const MAIN_CHARS = Math.round((Number(args.mb) || 5) * 1e6);
const SCALE_SIZES = args.quick ? [100_000, 300_000, 1_000_000] : [100_000, 300_000, 1_000_000, 3_000_000, 10_000_000];
const ADVERSARIAL_SIZES = args.quick ? [100_000] : [100_000, 1_000_000];

// A collectable heap makes the memory figures mean something without needing --expose-gc.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const BASELINE = /[\u201C"]|\b(said|says|told|according to)\b/g;
function baselinePass(text: string): number {
  let n = 0;
  BASELINE.lastIndex = 0;
  while (BASELINE.exec(text) !== null) n++;
  return n;
}

const detect = (text: string) => detectClaims(text).claims.length;

function log(line: string): void {
  if (!args.json) console.log(line);
}

// --- throughput against the regex baseline ------------------------------------------------

function throughput() {
  const text = generateNews(MAIN_CHARS, 1);
  const mb = megabytes(text);
  // Warm-up: let both paths get optimised before anything is timed.
  for (let i = 0; i < 2; i++) {
    detect(text.slice(0, 1_000_000));
    baselinePass(text);
  }
  const detMs: number[] = [];
  const baseMs: number[] = [];
  let claims = 0;
  let matches = 0;
  // Interleaved, so a noisy neighbour slows both sides alike.
  for (let r = 0; r < RUNS; r++) {
    const d = timeOnce(() => detect(text));
    detMs.push(d.ms);
    claims = d.value;
    const b = timeOnce(() => baselinePass(text));
    baseMs.push(b.ms);
    matches = b.value;
  }
  const detectorMBps = mb / (median(detMs) / 1000);
  const baselineMBps = mb / (median(baseMs) / 1000);
  return { mb: round(mb, 2), runs: RUNS, claims, baselineMatches: matches, detectorMs: detMs.map((x) => round(x, 1)), baselineMs: baseMs.map((x) => round(x, 1)), detectorMBps: round(detectorMBps, 1), baselineMBps: round(baselineMBps, 1), ratio: round(detectorMBps / baselineMBps, 4) };
}

// --- memory ---------------------------------------------------------------------------------

function memory() {
  const text = generateNews(MAIN_CHARS, 5);
  gc();
  const before = process.memoryUsage();
  const result = detectClaims(text);
  const after = process.memoryUsage();
  gc();
  const retained = process.memoryUsage().heapUsed - before.heapUsed;
  return {
    inputMB: round(megabytes(text), 2),
    claims: result.claims.length,
    heapGrowthMB: round((after.heapUsed - before.heapUsed) / 1e6, 1),
    retainedHeapMB: round(retained / 1e6, 1),
    rssGrowthMB: round((after.rss - before.rss) / 1e6, 1),
    peakRssMB: round((process.resourceUsage().maxRSS * 1024) / 1e6, 1),
  };
}

// --- scaling and adversarial inputs ------------------------------------------------------------

function msPerMb(text: string, runs: number): { ms: number; msPerMB: number; claims: number } {
  detect(text.slice(0, 50_000));
  const times: number[] = [];
  let claims = 0;
  for (let r = 0; r < runs; r++) {
    const t = timeOnce(() => detect(text));
    times.push(t.ms);
    claims = t.value;
  }
  const ms = median(times);
  return { ms: round(ms, 2), msPerMB: round(ms / megabytes(text), 2), claims };
}

function scaling() {
  const rows = SCALE_SIZES.map((chars) => ({ chars, ...msPerMb(generateNews(chars, 7), chars >= 3_000_000 ? 3 : RUNS) }));
  const per = rows.map((r) => r.msPerMB);
  const spread = round(Math.max(...per) / Math.min(...per), 2);
  return { rows, spread, linear: spread <= LINEAR_TOLERANCE };
}

function adversarial() {
  const cases: { name: string; chars: number; ms: number; msPerMB: number; claims: number }[] = [];
  cases.push({ name: '10,000 quote marks', chars: 10_000, ...msPerMb('"'.repeat(10_000), RUNS) });
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    for (const chars of ADVERSARIAL_SIZES) cases.push({ name, chars, ...msPerMb(make(chars), 3) });
  }
  return cases;
}

// --- a typical article ------------------------------------------------------------------------

function articleLatency() {
  const text = generateNews(30_000, 11);
  for (let i = 0; i < 50; i++) detect(text);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) times.push(timeOnce(() => detect(text)).ms);
  return { chars: text.length, claims: detect(text), medianMs: round(median(times), 3), p95Ms: round(percentile(times, 0.95), 3) };
}

// --- bundle size --------------------------------------------------------------------------------

async function bundleSize() {
  const out = await build({
    entryPoints: [path.join(repoRoot, 'utils/claims/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { minifiedBytes: code.length, gzipBytes: zlib.gzipSync(code, { level: 9 }).length };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const signed = (x: number) => (x < 0 ? `${x}` : `+${x}`);
const mark = (ok: boolean) => (ok ? 'pass' : 'FAIL');
const kb = (chars: number) => (chars >= 1e6 ? `${chars / 1e6} MB` : `${chars / 1e3} KB`);

async function main(): Promise<void> {
  // Shared machines make timings noisy; say how busy this one was so readers can judge.
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  log(`claim detector benchmark — node ${process.version}, ${os.cpus().length} cpus, load average ${load}; median of ${RUNS} runs after warm-up\n`);
  const tp = throughput();
  log(`throughput on ${tp.mb} MB of generated news (${tp.claims} claims, ${tp.baselineMatches} baseline matches)`);
  log(`  detector        ${tp.detectorMBps.toFixed(1).padStart(8)} MB/s   runs ms: ${tp.detectorMs.join(' ')}`);
  log(`  regex baseline  ${tp.baselineMBps.toFixed(1).padStart(8)} MB/s   runs ms: ${tp.baselineMs.join(' ')}`);
  log(`  ratio           ${tp.ratio.toFixed(3).padStart(8)}        (1/${(1 / tp.ratio).toFixed(1)})\n`);

  const mem = memory();
  log(`memory detecting ${mem.inputMB} MB: heap ${signed(mem.heapGrowthMB)} MB right after the call, ${signed(mem.retainedHeapMB)} MB retained after GC (the result), ` +
    `rss ${signed(mem.rssGrowthMB)} MB; process peak rss ${mem.peakRssMB} MB\n`);

  const sc = scaling();
  log('scaling (generated news)');
  log(renderTable(
    [{ header: 'size', align: 'right' }, { header: 'ms', align: 'right' }, { header: 'ms/MB', align: 'right' }, { header: 'claims', align: 'right' }],
    sc.rows.map((r) => [kb(r.chars), r.ms.toFixed(1), r.msPerMB.toFixed(1), String(r.claims)]),
  ));
  log(`  ms/MB max/min = ${sc.spread} (linear if ≤ ${LINEAR_TOLERANCE})\n`);

  const adv = adversarial();
  log('adversarial inputs');
  log(renderTable(
    [{ header: 'input' }, { header: 'size', align: 'right' }, { header: 'ms', align: 'right' }, { header: 'ms/MB', align: 'right' }, { header: 'claims', align: 'right' }],
    adv.map((a) => [a.name, kb(a.chars), a.ms.toFixed(2), a.msPerMB.toFixed(1), String(a.claims)]),
  ));
  const worstMsPerMB = Math.max(...adv.map((a) => a.msPerMB));
  log('');

  const art = articleLatency();
  log(`typical ${(art.chars / 1000).toFixed(0)} KB article (${art.claims} claims): median ${art.medianMs} ms, p95 ${art.p95Ms} ms\n`);

  const size = await bundleSize();
  log(`bundle utils/claims/index.ts: ${(size.minifiedBytes / 1024).toFixed(1)} KB minified, ${(size.gzipBytes / 1024).toFixed(1)} KB gzipped\n`);

  const targets = [
    { target: `throughput ≥ ${TARGET_MBPS} MB/s`, value: `${tp.detectorMBps} MB/s`, pass: tp.detectorMBps >= TARGET_MBPS },
    { target: '≥ 1/15 of the regex pass', value: `1/${(1 / tp.ratio).toFixed(1)}`, pass: tp.ratio >= TARGET_BASELINE_FRACTION },
    { target: `30 KB article < ${TARGET_ARTICLE_MS} ms`, value: `${art.medianMs} ms`, pass: art.medianMs < TARGET_ARTICLE_MS },
    { target: `linear ${kb(SCALE_SIZES[0] ?? 0)} → ${kb(SCALE_SIZES[SCALE_SIZES.length - 1] ?? 0)}`, value: `ms/MB spread ${sc.spread}`, pass: sc.linear },
    { target: 'adversarial no slower than 10× news', value: `worst ${worstMsPerMB.toFixed(0)} ms/MB`, pass: worstMsPerMB <= 10 * median(sc.rows.map((r) => r.msPerMB)) },
    { target: 'bundle ≤ 15 KB gzipped', value: `${(size.gzipBytes / 1024).toFixed(1)} KB`, pass: size.gzipBytes <= TARGET_GZIP_BYTES },
  ];
  log(renderTable([{ header: 'target' }, { header: 'measured' }, { header: '' }], targets.map((t) => [t.target, t.value, mark(t.pass)])));

  if (args.json) {
    console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), throughput: tp, memory: mem, scaling: sc, adversarial: adv, article: art, bundle: size, targets }));
  }
  if (args.check && targets.some((t) => !t.pass)) process.exitCode = 1;
}

await main();
