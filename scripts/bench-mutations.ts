/**
 * Mutation-storm benchmark in real headless Chromium: what ClaimTrail costs while an article page
 * mutates its DOM 1,000 times a second for 10 s: the hostile.e2e storm page (a node outside the
 * article) and the same storm in a paragraph inside the article, which ClaimTrail must re-read.
 *
 *   npm run build && npm run bench:mutations [-- --runs 3] [-- --json]
 *
 * For each run the same page is loaded in a browser with the extension and in one without it, and
 * the renderer's main-thread CPU time (CDP Performance.getMetrics ThreadTime) and its busy time
 * (TaskDuration, ScriptDuration) over the storm are read; the difference is what the extension added.
 * The content script's own account comes from the 'claimtrail:refreshed' marks it leaves after each
 * re-detection pass (main-thread time of the pass): how many passes the storm caused and their sum.
 * Chromium only: Firefox has no equivalent of these per-renderer metrics over BiDi.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { browserPath } from '../tests/e2e/browsers';
import { FIXTURES_DIR } from '../tests/e2e/fixture-server';
import { launch, startFixtureServer } from '../tests/e2e/harness';
import { median } from './lib/timing';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;
const JSON_OUTPUT = args.includes('--json');
const STORM_MS = 10_000;

const seed = readFileSync(join(FIXTURES_DIR, 'seed-article.html'), 'utf8');
// Ten text changes every 10 ms, as in tests/e2e/hostile.e2e.test.ts; starts on the load event.
const STORM_SCRIPT = `<script>
    window.__storm = 'waiting';
    addEventListener('load', () => {
      const ticker = document.getElementById('ticker');
      const started = performance.now();
      window.__storm = 'running';
      const timer = setInterval(() => {
        for (let i = 0; i < 10; i++) ticker.textContent = String(Math.random());
        if (performance.now() - started > ${STORM_MS}) { clearInterval(timer); window.__storm = 'done'; }
      }, 10);
    });
  </script>`;
// Two places for the mutating node: page furniture before the article (as in the e2e test), and a
// paragraph inside the article itself, whose text ClaimTrail reads and must re-detect.
const PAGES = {
  'outside the article': seed.replace('<body>', `<body>\n<div id="ticker"></div>${STORM_SCRIPT}`),
  'inside the article': seed.replace('<p class="follow">', `<p id="ticker"></p>${STORM_SCRIPT}\n<p class="follow">`),
} as const;

interface StormResult {
  threadCpuMs: number;
  taskMs: number;
  scriptMs: number;
  /** Re-detection passes the content script finished during the storm, and their summed main-thread time. */
  passes: number;
  passesMs: number;
  /** Passes finished before the storm started (the first detection on load). */
  passesBefore: number;
}

async function storm(page: Page, url: string): Promise<StormResult> {
  const client = await page.createCDPSession();
  await client.send('Performance.enable');
  const read = async () => {
    const { metrics } = await client.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
    return { thread: value('ThreadTime'), task: value('TaskDuration'), script: value('ScriptDuration') };
  };
  await page.goto(url, { waitUntil: 'load' });
  const before = await read();
  const marksBefore = await page.evaluate(() => performance.getEntriesByName('claimtrail:refreshed').length);
  await page.waitForFunction(() => (window as unknown as { __storm: string }).__storm === 'done', { timeout: 120_000, polling: 200 });
  const after = await read();
  // No named helpers inside evaluate(): tsx would wrap them in a __name() the page does not have.
  const passes = await page.evaluate(
    (skip: number) =>
      performance
        .getEntriesByName('claimtrail:refreshed')
        .slice(skip)
        .map((mark) => ((mark as PerformanceMark).detail as { busyMs?: number } | null)?.busyMs ?? 0),
    marksBefore,
  );
  await client.detach();
  return {
    threadCpuMs: (after.thread - before.thread) * 1000,
    taskMs: (after.task - before.task) * 1000,
    scriptMs: (after.script - before.script) * 1000,
    passesBefore: marksBefore,
    passes: passes.length,
    passesMs: passes.reduce((sum, ms) => sum + ms, 0),
  };
}

async function plainBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: browserPath('chromium'),
    headless: true,
    pipe: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
}

interface Measured {
  withExtension: StormResult[];
  without: StormResult[];
}

const server = await startFixtureServer();
const urls = Object.entries(PAGES).map(([where, html], i) => {
  server.route(`/bench/storm-${i}.html`, html);
  return [where, server.url(`/bench/storm-${i}.html`)] as const;
});
const measured = new Map<string, Measured>(urls.map(([where]) => [where, { withExtension: [], without: [] }]));
const loadBefore = loadavg()[0] ?? NaN;
try {
  const ext = await launch('chromium');
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const [where, url] of urls) {
        const page = await ext.openPage('about:blank');
        measured.get(where)?.withExtension.push(await storm(page, url));
        await page.close();
      }
    }
  } finally {
    await ext.close();
  }
  const plain = await plainBrowser();
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const [where, url] of urls) {
        const page = await plain.newPage();
        measured.get(where)?.without.push(await storm(page, url));
        await page.close();
      }
    }
  } finally {
    await plain.close();
  }
} finally {
  await server.close();
}

const med = (results: StormResult[], key: keyof StormResult) => Math.round(median(results.map((result) => result[key])));
const report = {
  stormSeconds: STORM_MS / 1000,
  runs: RUNS,
  pages: Object.fromEntries(
    [...measured].map(([where, { withExtension, without }]) => [
      where,
      {
        withExtension: { threadCpuMs: med(withExtension, 'threadCpuMs'), taskMs: med(withExtension, 'taskMs'), scriptMs: med(withExtension, 'scriptMs') },
        withoutExtension: { threadCpuMs: med(without, 'threadCpuMs'), taskMs: med(without, 'taskMs'), scriptMs: med(without, 'scriptMs') },
        extensionAddedThreadCpuMs: med(withExtension, 'threadCpuMs') - med(without, 'threadCpuMs'),
        contentScript: { passesBefore: med(withExtension, 'passesBefore'), passes: med(withExtension, 'passes'), passesMs: med(withExtension, 'passesMs') },
      },
    ]),
  ),
  loadAverage: { before: loadBefore, after: loadavg()[0] ?? NaN, cores: cpus().length },
};

if (JSON_OUTPUT) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const pct = (ms: number) => `${((ms / STORM_MS) * 100).toFixed(1)}% of one core`;
  console.log(`Mutation storm: 1,000 DOM mutations/s for ${report.stormSeconds} s, median of ${RUNS} runs (Chromium)`);
  for (const [where, page] of Object.entries(report.pages)) {
    console.log(`  mutating node ${where}:`);
    console.log(`    page main thread CPU, with ClaimTrail:    ${page.withExtension.threadCpuMs} ms (busy ${page.withExtension.taskMs} ms, script ${page.withExtension.scriptMs} ms)`);
    console.log(`    page main thread CPU, without ClaimTrail: ${page.withoutExtension.threadCpuMs} ms (busy ${page.withoutExtension.taskMs} ms, script ${page.withoutExtension.scriptMs} ms)`);
    console.log(`    added by ClaimTrail:                       ${page.extensionAddedThreadCpuMs} ms (${pct(page.extensionAddedThreadCpuMs)})`);
    console.log(`    content script detection passes:           ${page.contentScript.passesBefore} on load, ${page.contentScript.passes} during the storm (${page.contentScript.passesMs} ms of main-thread work)`);
  }
  console.log(`  load average ${report.loadAverage.before.toFixed(2)} → ${report.loadAverage.after.toFixed(2)} on ${report.loadAverage.cores} cores`);
}
