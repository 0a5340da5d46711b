/**
 * Reading-experience benchmark in real headless Chromium with the built extension:
 *
 *   npm run build && npx tsx scripts/bench-page.ts [--runs 5] [--json] [--save-trace FILE] [--build DIR]
 *
 * - seed article: time from the content script's main() to highlights painted (performance marks
 *   'claimtrail:start' → 'claimtrail:painted'), median of several loads, and from a light trace the
 *   time before main() the browser spent compiling and evaluating the script, added to give the time
 *   from the script's very start;
 * - pages that are not articles: the content script's article check (its 'claimtrail:article-check'
 *   measure; target under 1 ms) and all the extension's main-thread time there, from a trace;
 * - a generated ~1 MB article (seed text plus synthetic news paragraphs): long tasks (Long Tasks API)
 *   while the extension works, the extension's own main-thread time and longest slice (from the
 *   'claimtrail:refreshed' mark the content script leaves), claims painted; and every long task of
 *   the load from a Chrome trace, attributed from the V8 CPU profiler's samples to the extension,
 *   the page's scripts, its HTML parsing, rendering or GC (scripts/lib/task-attribution.ts), with
 *   wall and CPU time (`--save-trace FILE` keeps the last trace for DevTools);
 * - scrolling that page with every claim highlighted: layouts and style recalcs during the scroll
 *   (Chrome DevTools Protocol Performance metrics), with and without the extension's highlights.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIXTURES_DIR } from '../tests/e2e/fixture-server';
import { launch, startFixtureServer } from '../tests/e2e/harness';
import { generateArticle, seededRandom } from './lib/newsgen';
import { attributeLongTasks, traceOrigin, type AttributedTask, type TraceEvent } from './lib/task-attribution';
import { median } from './lib/timing';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const JSON_OUTPUT = args.includes('--json');
const BIG_CHARS = 1_000_000;
/** --save-trace FILE: keep the last traced load's Chrome trace (open it in DevTools' Performance panel). */
const SAVE_TRACE = args.includes('--save-trace') ? args[args.indexOf('--save-trace') + 1] : undefined;
/** --build DIR: another build of the extension, e.g. an unminified one, so traces name the functions. */
const BUILD = args.includes('--build') ? args[args.indexOf('--build') + 1] : undefined;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The seed page with its article body extended to about `chars` characters of news paragraphs. */
function bigArticlePage(chars: number): string {
  const seed = readFileSync(join(FIXTURES_DIR, 'seed-article.html'), 'utf8');
  const paragraphs = generateArticle(seededRandom(7), chars)
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim().length > 0)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`)
    .join('\n');
  return seed.replace('<p class="follow">', `${paragraphs}\n<p class="follow">`);
}

interface LoadResult {
  startMs: number | null;
  paintedMs: number | null;
  refreshed: { busyMs: number; longestMs: number; slices: number; paintMs: number; chars: number; claims: number } | null;
  longTasks: { start: number; duration: number }[];
}

/** Records long tasks from the very start of the document, before any script runs. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const store: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof store }).__longTasks = store;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) store.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

async function load(page: Page, url: string): Promise<LoadResult> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('claimtrail:refreshed').length > 0, { timeout: 60_000, polling: 50 });
  // Let trailing work (the background's answer, a repaint) land before reading the timeline.
  await new Promise((resolve) => setTimeout(resolve, 500));
  // No named helpers inside evaluate(): tsx would wrap them in a __name() the page does not have.
  return page.evaluate(() => {
    const refreshed = performance.getEntriesByName('claimtrail:refreshed')[0] as PerformanceMark | undefined;
    return {
      startMs: performance.getEntriesByName('claimtrail:start')[0]?.startTime ?? null,
      paintedMs: performance.getEntriesByName('claimtrail:painted')[0]?.startTime ?? null,
      refreshed: (refreshed?.detail as LoadResult['refreshed']) ?? null,
      longTasks: (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks,
    };
  });
}

/**
 * One load's extension-owned tasks: the longest by CPU and by wall time (of tasks over 10 ms wall),
 * and how many used over 10 ms of CPU. Its long tasks by what made them long, since on a loaded
 * machine wall time stretches: a garbage collection taking half the task or more ('gc'), else over
 * 25 ms of CPU ('cpu'), else mostly waiting for a core ('waiting').
 */
interface OwnTasks {
  cpuMs: number;
  wallMs: number;
  over10CpuMs: number;
  longBy: { cpu: number; gc: number; waiting: number };
}

interface GcPause {
  kind: 'minor' | 'major';
  startMs: number;
  cpuMs: number;
  heapBeforeMb: number;
  heapAfterMb: number;
}

/**
 * The page's main-thread garbage collections from the trace ('MinorGC': scavenges of the young
 * generation, whose cost grows with what survives them; 'MajorGC': mark-compact of the whole heap,
 * which grows with the heap), with the JS heap before and after: whether GC pauses come from the
 * allocation rate or from heap growth.
 */
function gcPauses(events: readonly TraceEvent[], mainThreads: ReadonlySet<string>, origin: number): GcPause[] {
  return events
    .filter((event) => event.ph === 'X' && (event.name === 'MinorGC' || event.name === 'MajorGC') && mainThreads.has(`${event.pid}:${event.tid}`))
    .map((event) => {
      const data = event.args as { usedHeapSizeBefore?: number; usedHeapSizeAfter?: number } | undefined;
      return {
        kind: event.name === 'MinorGC' ? ('minor' as const) : ('major' as const),
        startMs: Math.round((event.ts - origin) / 1000),
        cpuMs: Math.round((event.tdur ?? 0) / 100) / 10,
        heapBeforeMb: Math.round((data?.usedHeapSizeBefore ?? 0) / 1e5) / 10,
        heapAfterMb: Math.round((data?.usedHeapSizeAfter ?? 0) / 1e5) / 10,
      };
    })
    .sort((a, b) => a.startMs - b.startMs);
}

/**
 * Loads `url` under a Chrome trace and returns the page's main-thread tasks over 50 ms, each with its
 * wall time, its thread (CPU) time — on a shared machine wall time stretches with other people's
 * load; thread time is what the task itself cost — and who it is attributable to
 * (scripts/lib/task-attribution.ts): the extension, the page's scripts, its HTML parsing, rendering.
 */
async function tracedLoad(page: Page, url: string): Promise<{ result: LoadResult; tasks: AttributedTask[]; gc: GcPause[] }> {
  const { value: result, events, mainThreads } = await traced(page, () => load(page, url));
  // Tasks over 10 ms, not only the long ones: how close the extension's longest tasks come to 50 ms.
  const tasks = attributeLongTasks(events, mainThreads, isExtensionScript, 10);
  return { result, tasks, gc: gcPauses(events, mainThreads, traceOrigin(events, mainThreads)) };
}

function longByCause(tasks: readonly AttributedTask[]): OwnTasks['longBy'] {
  const by = { cpu: 0, gc: 0, waiting: 0 };
  // A collection's own CPU counts in the task's: it is judged first.
  for (const task of tasks) by[task.byOwner.gc * 2 >= task.wallMs ? 'gc' : task.cpuMs > 25 ? 'cpu' : 'waiting'] += 1;
  return by;
}

const isExtensionScript = (scriptUrl: string) => scriptUrl.startsWith('chrome-extension://');

/**
 * The trace categories of a load whose long tasks are attributed. No 'devtools.timeline.stack', 'v8' or
 * 'v8.execute': they trace every call from the browser into script (a TreeWalker filter's acceptNode,
 * each with a captured stack when .stack is on), which on the 1 MB article cost ~700 ms of CPU (27,000
 * calls at ~26 µs) that an untraced load does not pay, and made extraction look 50× slower than it is.
 * The CPU profiler's samples name the code.
 */
const ATTRIBUTION_CATEGORIES = [
  'toplevel',
  'blink.user_timing',
  '__metadata',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  // JavaScript samples with their stacks: whose code ran, even in microtasks and continuations.
  'disabled-by-default-v8.cpu_profiler',
];

/** Runs `work` under a Chrome trace; returns its result, the trace's events and the pages' main threads. */
async function traced<T>(page: Page, work: () => Promise<T>, categories = ATTRIBUTION_CATEGORIES): Promise<{ value: T; events: TraceEvent[]; mainThreads: Set<string> }> {
  await page.tracing.start({ categories });
  const running = work();
  // Stop tracing whether or not the work succeeded, so a failed run leaves the page usable.
  await running.catch(() => undefined);
  const buffer = await page.tracing.stop();
  const value = await running;
  if (!buffer) throw new Error('Chrome returned no trace');
  if (SAVE_TRACE) writeFileSync(SAVE_TRACE, buffer);
  const events = (JSON.parse(new TextDecoder().decode(buffer)) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = new Set(
    events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`),
  );
  return { value, events, mainThreads };
}

/**
 * From the browser starting on the content script (its first trace event: compiling or evaluating
 * content.js) to the script's 'claimtrail:start' mark in main(), or null when the trace lacks either.
 */
function scriptStartToMainMs(events: readonly TraceEvent[]): number | null {
  const start = events.find((event) => event.name === 'claimtrail:start');
  if (!start) return null;
  let first = Infinity;
  for (const event of events) {
    if (event.pid !== start.pid || event.tid !== start.tid || event.ts >= first) continue;
    if (JSON.stringify(event.args ?? {}).includes('content-scripts/content.js')) first = event.ts;
  }
  return Number.isFinite(first) ? (start.ts - first) / 1000 : null;
}

/** Pages that are not articles (a web app's page, a front page of teasers): the extension must do next to nothing there. */
const NOT_ARTICLES = ['reading/no-article.html', 'layouts/homepage-no-metadata.html'];

interface NotArticleLoad {
  /** The content script's article check (its 'claimtrail:article-check' measure), ms. */
  checkMs: number;
  /** What the check decided: false is the expected answer on these pages. */
  article: boolean;
  /** All the extension's sampled main-thread time in the load (loading its script included), ms. */
  extensionMs: number;
}

interface NotArticleStats {
  loads: number;
  article: boolean[];
  checkMs: { median: number; max: number };
  extensionMs: { median: number; max: number };
}

async function notArticleLoad(page: Page, url: string): Promise<NotArticleLoad> {
  const { value, events, mainThreads } = await traced(page, async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('claimtrail:article-check').length > 0, { timeout: 30_000, polling: 50 });
    // Whatever the script does after deciding (its listeners, a watch for a late article) lands in the trace too.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return page.evaluate(() => {
      const check = performance.getEntriesByName('claimtrail:article-check')[0] as PerformanceMeasure;
      return { checkMs: check.duration, article: (check.detail as { article: boolean }).article };
    });
  });
  // Every task, however short: on these pages the extension's time is a few small ones.
  const extensionMs = attributeLongTasks(events, mainThreads, isExtensionScript, 0).reduce((sum, task) => sum + task.extensionMs, 0);
  return { ...value, extensionMs };
}

async function scrollMetrics(page: Page): Promise<{ layouts: number; styleRecalcs: number }> {
  const client = await page.createCDPSession();
  await client.send('Performance.enable');
  const read = async () => {
    const { metrics } = await client.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
    return { layouts: value('LayoutCount'), styleRecalcs: value('RecalcStyleCount') };
  };
  await page.evaluate(() => window.scrollTo(0, 0));
  const before = await read();
  for (let step = 0; step < 40; step += 1) {
    await page.evaluate(() => window.scrollBy(0, 1500));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  }
  const after = await read();
  await client.detach();
  return { layouts: after.layouts - before.layouts, styleRecalcs: after.styleRecalcs - before.styleRecalcs };
}

const server = await startFixtureServer();
server.route('/bench/big-article.html', bigArticlePage(BIG_CHARS));
server.route('/bench/big-plain.html', bigArticlePage(BIG_CHARS).replace(/<html lang="en">/, '<html lang="en" data-bench="plain">'));
const ext = await launch('chromium', BUILD ? { build: BUILD } : {});
const report: Record<string, unknown> = {};
try {
  const page = await ext.openPage('about:blank');
  await page.setViewport({ width: 1200, height: 900 });
  await watchLongTasks(page);

  const seedPaint: number[] = [];
  const seedBusy: number[] = [];
  const seedBeforeMain: number[] = [];
  const fromScriptStart: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    // A light trace (no CPU samples) for when the browser started on the content script: its marks
    // come from main(), after the script was compiled and its modules evaluated.
    const { value: result, events } = await traced(page, () => load(page, server.url('seed-article.html')), ['blink.user_timing', 'devtools.timeline']);
    if (result.refreshed) seedBusy.push(result.refreshed.busyMs);
    if (result.startMs === null || result.paintedMs === null) continue;
    const paintMs = result.paintedMs - result.startMs;
    seedPaint.push(paintMs);
    const beforeMain = scriptStartToMainMs(events);
    if (beforeMain === null) continue;
    seedBeforeMain.push(beforeMain);
    fromScriptStart.push(beforeMain + paintMs);
  }
  report.seed = {
    runs: seedPaint.length,
    startToPaintedMs: { median: median(seedPaint), max: Math.max(...seedPaint), runs: seedPaint.map((ms) => Math.round(ms * 10) / 10) },
    compileAndEvaluateBeforeMainMs: seedBeforeMain.map((ms) => Math.round(ms * 10) / 10),
    scriptStartToPaintedMs: { median: median(fromScriptStart), max: Math.max(...fromScriptStart) },
    extensionBusyMs: { median: median(seedBusy), max: Math.max(...seedBusy) },
  };

  const notArticles: Record<string, NotArticleStats> = {};
  for (const path of NOT_ARTICLES) {
    const loads: NotArticleLoad[] = [];
    for (let run = 0; run < RUNS; run += 1) loads.push(await notArticleLoad(page, server.url(path)));
    const stats = (values: number[]) => ({ median: median(values), max: Math.max(...values) });
    notArticles[path] = {
      loads: loads.length,
      article: loads.map((load) => load.article),
      checkMs: stats(loads.map((load) => load.checkMs)),
      extensionMs: stats(loads.map((load) => load.extensionMs)),
    };
  }
  report.notArticles = notArticles;

  const big: LoadResult[] = [];
  const tracedTasks: AttributedTask[][] = [];
  const longestOwn: OwnTasks[] = [];
  const tracedGc: GcPause[][] = [];
  for (let run = 0; run < Math.min(RUNS, 3); run += 1) {
    const { result, tasks, gc } = await tracedLoad(page, server.url('bench/big-article.html'));
    big.push(result);
    tracedTasks.push(tasks.filter((task) => task.wallMs > 50));
    const ours = tasks.filter((task) => task.owner === 'extension');
    longestOwn.push({
      cpuMs: Math.max(0, ...ours.map((task) => task.cpuMs)),
      wallMs: Math.max(0, ...ours.map((task) => task.wallMs)),
      over10CpuMs: ours.filter((task) => task.cpuMs > 10).length,
      longBy: longByCause(ours.filter((task) => task.wallMs > 50)),
    });
    tracedGc.push(gc);
  }
  const last = big[big.length - 1] as LoadResult;
  const during = (result: LoadResult) =>
    result.longTasks.filter((task) => result.startMs !== null && task.start + task.duration >= result.startMs);
  report.bigArticle = {
    chars: last.refreshed?.chars,
    claimsPainted: last.refreshed?.claims,
    startToPaintedMs: median(big.map((result) => (result.paintedMs ?? 0) - (result.startMs ?? 0))),
    extensionBusyMs: median(big.map((result) => result.refreshed?.busyMs ?? 0)),
    longestExtensionSliceMs: Math.max(...big.map((result) => result.refreshed?.longestMs ?? 0)),
    mergeAndPaintMs: median(big.map((result) => result.refreshed?.paintMs ?? 0)),
    slices: last.refreshed?.slices,
    longTasksAfterScriptStart: big.map((result) => during(result).map((task) => Math.round(task.duration))),
    longTasksBeforeScriptStart: big.map((result) =>
      result.longTasks.filter((task) => !during(result).includes(task)).map((task) => Math.round(task.duration)),
    ),
    // Every long task of the load from the trace, with wall and thread (CPU) time and who it belongs to.
    tracedLongTasks: tracedTasks,
    gcPauses: tracedGc,
    extensionLongTasks: tracedTasks.map((tasks) => tasks.filter((task) => task.owner === 'extension').length),
    // The extension's own time inside any long task, whoever owns most of it.
    longestExtensionShareInALongTaskMs: Math.max(0, ...tracedTasks.flat().map((task) => task.extensionMs)),
    longestExtensionTaskCpuMs: Math.max(0, ...tracedTasks.flat().filter((task) => task.owner === 'extension').map((task) => task.cpuMs)),
    longestExtensionTasks: longestOwn,
  };

  report.scrollWithHighlights = await scrollMetrics(page);
  // The same scroll with the highlights hidden (the keyboard command's path): the page's own cost.
  await page.evaluate(() => {
    for (const name of ['claimtrail-unreviewed', 'claimtrail-verified', 'claimtrail-disputed', 'claimtrail-changed', 'claimtrail-focus']) {
      (CSS as unknown as { highlights: Map<string, unknown> }).highlights.delete(name);
    }
  });
  report.scrollWithoutHighlights = await scrollMetrics(page);
} finally {
  await ext.close();
  await server.close();
}

if (JSON_OUTPUT) console.log(JSON.stringify(report, null, 2));
else {
  const seed = report.seed as {
    startToPaintedMs: { median: number; max: number; runs: number[] };
    compileAndEvaluateBeforeMainMs: number[];
    scriptStartToPaintedMs: { median: number; max: number };
    extensionBusyMs: { median: number; max: number };
    runs: number;
  };
  const big = report.bigArticle as Record<string, unknown>;
  console.log(`(load average while measuring: ${loadavg().map((value) => value.toFixed(1)).join(' ')} on ${cpus().length} cores)`);
  console.log(`Seed article (${seed.runs} loads): start → painted median ${seed.startToPaintedMs.median.toFixed(1)} ms (max ${seed.startToPaintedMs.max.toFixed(1)}), extension main-thread time median ${seed.extensionBusyMs.median.toFixed(1)} ms`);
  console.log(`  per load: main() → painted ${seed.startToPaintedMs.runs.join(', ')} ms; compiling and evaluating the script before main() ${seed.compileAndEvaluateBeforeMainMs.join(', ')} ms; so from the script's start median ${seed.scriptStartToPaintedMs.median.toFixed(1)} ms (max ${seed.scriptStartToPaintedMs.max.toFixed(1)})`);
  for (const [path, stats] of Object.entries(report.notArticles as Record<string, NotArticleStats>)) {
    console.log(
      `Not an article, ${path} (${stats.loads} loads, taken for an article: ${stats.article.filter(Boolean).length}): article check median ${stats.checkMs.median.toFixed(2)} ms (max ${stats.checkMs.max.toFixed(2)}; target < 1 ms); all extension main-thread time, sampled, median ${stats.extensionMs.median.toFixed(1)} ms (max ${stats.extensionMs.max.toFixed(1)})`,
    );
  }
  console.log(`1 MB article: ${big.chars} chars, ${big.claimsPainted} claims (past 1,000 ranges only those within two screens of the viewport are registered); start → painted ${(big.startToPaintedMs as number).toFixed(0)} ms; extension main-thread ${(big.extensionBusyMs as number).toFixed(0)} ms in ${big.slices} slices, longest slice ${(big.longestExtensionSliceMs as number).toFixed(1)} ms (merge + paint of all claims: ${(big.mergeAndPaintMs as number).toFixed(1)} ms)`);
  console.log(`  Long Tasks API, ms per load: after the content script started ${JSON.stringify(big.longTasksAfterScriptStart)}, before ${JSON.stringify(big.longTasksBeforeScriptStart)}`);
  console.log(`  long tasks from a trace, attributed from CPU samples (wall/CPU ms, OWNER (sampled wall ms by owner) [extension functions]; CPU = the task's own thread time, wall grows with machine load):`);
  (big.tracedLongTasks as AttributedTask[][]).forEach((tasks, run) => {
    console.log(`    load ${run + 1}:`);
    for (const task of tasks) {
      const parts = Object.entries(task.byOwner).filter(([, ms]) => ms >= 1).map(([owner, ms]) => `${owner} ${ms}`).join(', ');
      const frames = task.extensionFrames.length > 0 ? ` [extension: ${task.extensionFrames.map((frame) => `${frame.frame} ${frame.ms}`).join(', ')}]` : '';
      console.log(`      at ${task.startMs.toFixed(0)} ms: ${task.wallMs.toFixed(0)}/${task.cpuMs.toFixed(0)} ms, ${task.owner.toUpperCase()} (${parts})${frames}`);
    }
  });
  console.log('  main-thread GC pauses of 5 ms or more (kind at ms: CPU ms, JS heap before → after MB):');
  (big.gcPauses as GcPause[][]).forEach((pauses, run) => {
    const listed = pauses.filter((gc) => gc.cpuMs >= 5).map((gc) => `${gc.kind} at ${gc.startMs}: ${gc.cpuMs} ms, ${gc.heapBeforeMb} → ${gc.heapAfterMb}`);
    console.log(`    load ${run + 1}: ${pauses.length} collections, ${listed.length > 0 ? listed.join('; ') : 'none of 5 ms'}`);
  });
  console.log(
    `  long tasks attributable to the extension per load: ${JSON.stringify(big.extensionLongTasks)}; the longest of them took ${big.longestExtensionTaskCpuMs as number} ms of CPU; most extension time inside any long task: ${big.longestExtensionShareInALongTaskMs as number} ms (wall)`,
  );
  console.log(
    `  the extension's own tasks per load (any length): longest CPU / longest wall / tasks over 10 ms of CPU: ${(big.longestExtensionTasks as OwnTasks[]).map((load) => `${load.cpuMs}/${load.wallMs}/${load.over10CpuMs}`).join(', ')}; its long tasks by cause (over 25 ms of CPU / half or more GC / waiting for a core): ${(big.longestExtensionTasks as OwnTasks[]).map((load) => `${load.longBy.cpu}/${load.longBy.gc}/${load.longBy.waiting}`).join(', ')}`,
  );
  console.log(`Scroll 60,000 px with all claims highlighted: ${JSON.stringify(report.scrollWithHighlights)}; without: ${JSON.stringify(report.scrollWithoutHighlights)}`);
}
