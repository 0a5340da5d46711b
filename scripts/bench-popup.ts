// Popup benchmark, real headless Chromium with the built extension (run `npm run build` first):
// time from the popup's navigation start until its first screen of claims is painted, for a page
// with 7 and with 200 claims. Budget (issue 6): under 100 ms for 200 claims.
//
//   npx tsx scripts/bench-popup.ts [--runs 15] [--json] [--extension DIR] [--in-tab] [--claims 7|200]
//
// --extension: a built Chromium extension directory other than .output/chrome-mv3 (to compare builds).
// --in-tab:    open popup.html?tab=<id> in a new tab instead (how this benchmark used to open it).
// --claims:    only the page with that many claims.
//
// What is opened: the real toolbar popup, as a click on the ClaimTrail button opens it
// (scripts/lib/popup-action.ts): a popup view over the article's tab, in the extension's renderer
// process, which already runs (it hosts the background service worker the article's content script
// has talked to). popup.html in a new tab (--in-tab) is a different path: its HTML arrives sooner
// (~7 ms after navigation start instead of ~22: the tab and its frame exist before the navigation)
// but its script starts later (~120 ms instead of ~85, 26 Nov, load ~4), and every open creates and
// tears down a tab. Numbers from the two are not comparable; the budget is for this one.
//
// Where a toolbar open's time goes (26 Nov, load 3-5, medians): click → navigation start ~267 ms,
// before any of the popup's document exists: Chromium creates the popup's view, launches a spare
// renderer (in the trace), and puppeteer holds the new target for the debugger. It is outside
// performance.now() and outside this budget, but part of what a reader waits for. From navigation
// start: HTML received ~22 ms and parsed ~70 ms (Chromium commits the navigation and creates the
// window and the extension bindings: ~12 ms of main-thread CPU we do not control), module scripts
// loaded and started ~85 ms, claims received ~108 ms, first screen painted ~131 ms. The same
// content as static HTML with no script at all (the seven claims, same CSS) is painted at ~106 ms
// on this path: the floor on this machine is above the budget before the popup runs any code.
//
// The page's claims are fed to the popup by a stub of `page:get-claims` (scripts/lib/popup-stub.ts),
// so the numbers measure the popup alone: its own load, tab lookup, Preact render, layout, paint.
// The stub answers with a JSON file added to the extension snapshot (106 KB for 200 claims), read when
// the popup asks (~20 ms), standing in for the content script's answer. The stub and the probe below
// run in the popup before its scripts; they are registered while Chromium holds the new popup for the
// debugger, which puppeteer does for every new target anyway, so that hold is inside the numbers.
// (With the answer inlined in the stub, as before, its 200-claim JSON travelled in that hold and was
// compiled before the HTML parse: 200-claim opens had ~35 ms more before "HTML received" than
// 7-claim ones, all of it the benchmark's.)
//
// The budgeted number is measured by the probe, not reported by the popup: from navigation start
// (performance.timeOrigin) to the first frame whose claims reach the bottom of the popup's window
// (600 px, the most Chromium gives a popup) or are all of them, plus that frame being produced (a
// task posted from its animation frame callback runs once it has been). The popup renders the
// first screenful of claims (8) in that frame and the rest 48 per frame after it; "all painted"
// (every claim in the DOM and painted) is reported beside it. The phases come from Navigation Timing and
// the popup's own performance marks; one traced open adds the popup's main-thread CPU time.
import { loadavg } from 'node:os';
import type { Page } from 'puppeteer-core';
import { startFixtureServer } from '../tests/e2e/harness';
import { openToolbarPopup, type PopupScript } from './lib/popup-action';
import { launchPopupBrowser, tabIdOf, type PopupBrowser } from './lib/popup-browser';
import { manyPageClaims, pageClaimsStubSource, seedPageClaims, type PageClaims } from './lib/popup-stub';
import { median, percentile } from './lib/timing';
import type { TraceEvent } from './lib/task-attribution';

const args = process.argv.slice(2);
const json = args.includes('--json');
const inTab = args.includes('--in-tab');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 15;
const extensionArg = args.indexOf('--extension');
const EXTENSION = extensionArg >= 0 ? args[extensionArg + 1] : undefined;
const claimsArg = args.indexOf('--claims');
const ONLY_CLAIMS = claimsArg >= 0 ? Number(args[claimsArg + 1]) : undefined;
const BUDGET_MS = 100;
const BINDING = '__claimtrailBench';
// Chromium sizes a toolbar popup to its content, at most 800 × 600 px: the first screen is 600 px high.
const POPUP_MAX_HEIGHT = 600;
const SETTLE_MS = 300;
const MARKS = ['popup:start', 'popup:claims-requested', 'popup:claims-received', 'popup:painted'] as const;

/** What the probe reports, in ms since the popup's navigation start. */
interface Report {
  timeOrigin: number;
  /** The HTML document received. */
  responseEnd: number;
  /** The HTML parsed (the module scripts are still loading). */
  domInteractive: number;
  marks: Record<(typeof MARKS)[number], number>;
  /** The first frame whose claims reach the bottom of the popup's window (or are all of them) has been produced. */
  screenPainted: number;
  /** Claims in that frame. */
  screenItems: number;
  /** Every claim in the DOM and the frame showing them produced. */
  allPainted: number;
  /** Claims in the list with a laid-out size, at the end. */
  items: number;
}

// Runs in the popup before its scripts, from its source text: no imports (tsx names its functions
// with a `__name` helper, which popupScript defines next to it). The popup may be attached twice; one probe.
// Checked in each animation frame callback, which sees the DOM the frame will show; a task posted
// from there runs once that frame has been produced.
function probe(expected: number, windowHeight: number, binding: string, marks: readonly string[]): void {
  const root = globalThis as unknown as Record<string, unknown>;
  if (root.__claimtrailProbe) return;
  root.__claimtrailProbe = true;
  let screenPainted = NaN;
  let screenItems = 0;
  requestAnimationFrame(function frame() {
    const items = document.querySelectorAll('.ct-claims > li');
    const last = items[items.length - 1];
    if (!screenItems && last && (items.length >= expected || last.getBoundingClientRect().bottom >= windowHeight)) {
      screenItems = items.length;
      setTimeout(() => {
        screenPainted = performance.now();
        performance.mark('bench:screen-painted');
      });
    }
    if (items.length < expected) {
      requestAnimationFrame(frame);
      return;
    }
    setTimeout(() => {
      const allPainted = performance.now();
      performance.mark('bench:all-painted');
      // A task later: after the popup's own after-paint effects (its "popup:painted" mark).
      setTimeout(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const report = {
          timeOrigin: performance.timeOrigin,
          responseEnd: nav.responseEnd,
          domInteractive: nav.domInteractive,
          marks: Object.fromEntries(marks.map((name) => [name, performance.getEntriesByName(name)[0]?.startTime ?? NaN])),
          screenPainted,
          screenItems,
          allPainted,
          items: [...document.querySelectorAll('.ct-claims > li')].filter((li) => li.getBoundingClientRect().height > 0).length,
        };
        (root[binding] as (text: string) => void)(JSON.stringify(report));
      });
    });
  });
}

/** The stub's answer for a page with n claims, as a file in the extension snapshot. */
const answerFile = (n: number) => `bench-page-claims-${n}.json`;

function popupScript(data: PageClaims): PopupScript {
  const probeSource = `(() => { const __name = (f) => f; (${probe.toString()})(${data.claims.length}, ${POPUP_MAX_HEIGHT}, ${JSON.stringify(BINDING)}, ${JSON.stringify(MARKS)}); })();`;
  return { source: `${pageClaimsStubSource({ file: answerFile(data.claims.length) })}\n${probeSource}`, binding: BINDING };
}

/** JSON has no NaN (a mark the popup never set): it comes back as null. */
function parseReport(text: string): Report {
  return JSON.parse(text, (_, value: unknown) => (value === null ? NaN : value)) as Report;
}

interface Sample extends Report {
  /** Click sent → the popup's navigation start (includes the DevTools message). */
  clickToNavigation: number;
}

async function toolbarSample(ext: PopupBrowser, article: Page, data: PageClaims): Promise<Sample> {
  const { report, clickedAt } = await openToolbarPopup(ext, article, popupScript(data));
  const parsed = parseReport(report);
  return { ...parsed, clickToNavigation: parsed.timeOrigin - clickedAt };
}

async function tabSample(ext: PopupBrowser, tabId: number, data: PageClaims): Promise<Sample> {
  const page = await ext.browser.newPage();
  try {
    await page.setViewport({ width: 380, height: 600 });
    const reported = new Promise<string>((resolve) => void page.exposeFunction(BINDING, resolve));
    await page.evaluateOnNewDocument(popupScript(data).source);
    const clickedAt = Date.now();
    await page.goto(`${ext.extensionBaseUrl}popup.html?tab=${tabId}`);
    const parsed = parseReport(await reported);
    return { ...parsed, clickToNavigation: parsed.timeOrigin - clickedAt };
  } finally {
    await page.close();
  }
}

/**
 * One more open under a Chrome trace: the popup's main-thread CPU time (its tasks' own thread time)
 * from navigation start to the first screen painted and to all claims painted. Unlike wall time,
 * this barely moves with other processes' load on the machine.
 */
async function tracedCpu(ext: PopupBrowser, article: Page, data: PageClaims): Promise<{ toScreenMs: number; toAllMs: number }> {
  await article.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  let buffer: Uint8Array | undefined;
  try {
    await toolbarSample(ext, article, data);
  } finally {
    buffer = await article.tracing.stop();
  }
  if (!buffer) throw new Error('Chrome returned no trace');
  const events = (JSON.parse(new TextDecoder().decode(buffer)) as { traceEvents: TraceEvent[] }).traceEvents;
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(`${ext.extensionBaseUrl}popup.html`));
  if (!start) throw new Error('no popup navigation in the trace');
  const at = (name: string) => events.find((e) => e.name === name && e.pid === start.pid)?.ts ?? NaN;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.ts >= start.ts);
  const cpuUntil = (end: number) => tasks.filter((e) => e.ts < end).reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
  return { toScreenMs: cpuUntil(at('bench:screen-painted')), toAllMs: cpuUntil(at('bench:all-painted')) };
}

interface Result {
  claims: number;
  runs: number;
  /** Navigation start → the popup's first screen of claims painted (the budgeted number). */
  medianMs: number;
  p90Ms: number;
  /** Claims in that first screen (fewest over the runs). */
  screenItems: number;
  /** The popup's main-thread CPU from navigation start, one traced open (toolbar popup only). */
  cpu?: { toScreenMs: number; toAllMs: number };
  /** Medians, ms: click → navigation start, then from navigation start: HTML received, HTML parsed, script start, claims asked, claims received, popup's first frame with claims, first screen painted, all painted. */
  phases: Record<string, number>;
}

const server = await startFixtureServer();
const pages = [seedPageClaims(), manyPageClaims(200)].filter((d) => ONLY_CLAIMS === undefined || d.claims.length === ONLY_CLAIMS);
const ext = await launchPopupBrowser(EXTENSION, Object.fromEntries(pages.map((d) => [answerFile(d.claims.length), JSON.stringify(d)])));
const results: Result[] = [];
try {
  const article = await ext.browser.newPage();
  await article.goto(server.url('seed-article.html'));
  const tabId = await tabIdOf(ext, article);
  const sample = async (data: PageClaims) => {
    // The previous popup is torn down in the same renderer process: let that finish first, as it
    // has when a reader opens the popup again.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return inTab ? tabSample(ext, tabId, data) : toolbarSample(ext, article, data);
  };

  for (const data of pages) {
    await sample(data); // warm-up: the first load compiles the popup's scripts
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await sample(data));
    if (samples.some((s) => s.items !== data.claims.length)) {
      throw new Error(`popup showed ${samples.map((s) => s.items).join('/')} claims, expected ${data.claims.length}`);
    }
    const phase = (pick: (s: Sample) => number) => median(samples.map(pick));
    results.push({
      claims: data.claims.length,
      runs: RUNS,
      medianMs: phase((s) => s.screenPainted),
      p90Ms: percentile(
        samples.map((s) => s.screenPainted),
        0.9,
      ),
      screenItems: Math.min(...samples.map((s) => s.screenItems)),
      ...(inTab ? {} : { cpu: await tracedCpu(ext, article, data) }),
      phases: {
        clickToNavigation: phase((s) => s.clickToNavigation),
        htmlReceived: phase((s) => s.responseEnd),
        htmlParsed: phase((s) => s.domInteractive),
        scriptStart: phase((s) => s.marks['popup:start']),
        claimsRequested: phase((s) => s.marks['popup:claims-requested']),
        claimsReceived: phase((s) => s.marks['popup:claims-received']),
        firstFrameWithClaims: phase((s) => s.marks['popup:painted']),
        screenPainted: phase((s) => s.screenPainted),
        allPainted: phase((s) => s.allPainted),
      },
    });
  }
} finally {
  await ext.close();
  await server.close();
}

const how = inTab ? 'popup.html?tab= in a new tab' : 'toolbar popup (real click path)';
if (json) {
  console.log(JSON.stringify({ budgetMs: BUDGET_MS, opened: how, loadAverage: loadavg(), results }, null, 2));
} else {
  console.log(`Popup navigation start → first screen of claims painted, Chromium headless, ${how}, ${RUNS} runs each (budget ${BUDGET_MS} ms)`);
  console.log(`  load average after the runs: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  for (const r of results) {
    const verdict = r.medianMs < BUDGET_MS ? 'ok' : 'OVER BUDGET';
    console.log(
      `  ${String(r.claims).padStart(4)} claims: median ${r.medianMs.toFixed(1)} ms, p90 ${r.p90Ms.toFixed(1)} ms  ${verdict}` +
        ` (${r.screenItems} claims in that screen; all ${r.claims} painted at ${r.phases.allPainted!.toFixed(1)} ms)`,
    );
    const p = Object.fromEntries(Object.entries(r.phases).map(([k, v]) => [k, v.toFixed(1)]));
    console.log(
      `        from navigation start (medians, ms): HTML received ${p.htmlReceived} · parsed ${p.htmlParsed} · script start ${p.scriptStart} · ` +
        `claims asked ${p.claimsRequested} · received ${p.claimsReceived} · popup's first frame with claims ${p.firstFrameWithClaims} · first screen painted ${p.screenPainted} · all painted ${p.allPainted}`,
    );
    console.log(`        before it: click → navigation start ${p.clickToNavigation} ms (median, includes the DevTools round trip)`);
    if (r.cpu) {
      console.log(
        `        popup main-thread CPU from navigation start (one traced open): ${r.cpu.toScreenMs.toFixed(1)} ms to the first screen, ${r.cpu.toAllMs.toFixed(1)} ms to all claims`,
      );
    }
  }
}
