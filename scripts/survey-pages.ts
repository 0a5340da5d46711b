/**
 * What the built extension highlights on saved real news pages, in real headless browsers:
 *
 *   npm run build && npm run survey -- DIR [--browser chromium|firefox] [--json]
 *
 * DIR holds one folder per page with its `source.html` and, optionally, an `expected.html` holding
 * just the article's text: the layout of Mozilla Readability's test pages (fetch mozilla/readability
 * and pass its test/test-pages). Saved pages are other people's text: keep them out of this repository.
 *
 * Each page is served from 127.0.0.1 with a Content-Security-Policy that keeps everything it asks of
 * other origins from loading (no network, and no hanging navigation), then read once painted. Per page:
 * what the content script took it for, how many claims it painted, painted text that is not in the
 * expected article text (furniture taken for story), and claims the detector finds in the expected
 * text that nothing painted covers (story parts left out, or split differently).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { launch, startFixtureServer, type BrowserName, type ExtensionBrowser } from '../tests/e2e/harness';
import { allPainted, pageKind, painted } from '../tests/e2e/page-probes';
import { detectClaims } from '../utils/claims';
import { renderTable } from './lib/table';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { browser: { type: 'string', default: 'chromium' }, json: { type: 'boolean' } },
});
const dir = positionals[0];
const browserName = values.browser as BrowserName;
if (!dir || !existsSync(dir) || (browserName !== 'chromium' && browserName !== 'firefox')) {
  console.error('usage: npm run survey -- DIR [--browser chromium|firefox] [--json]   (DIR: folders holding source.html)');
  process.exit(2);
}

const OFFLINE_CSP = "default-src 'self' data: blob: 'unsafe-inline' 'unsafe-eval'";
/** Time the content script gets after the load event to find, read and paint the article. */
const SETTLE_MS = 1_500;

/** Text compared across the page and its expected copy: entities, quote styles and spacing aside. */
function fold(text: string): string {
  return text
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/[“”"‘’']|&quot;|&#39;|&rsquo;|&lsquo;|&ldquo;|&rdquo;/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The expected article's text blocks: the text between block-level tags. */
function expectedBlocks(html: string): string[] {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .split(/<\/?(?:p|h[1-6]|li|blockquote|div|figcaption|td|br)\b[^>]*>/i)
    .map((part) => fold(part.replace(/<[^>]+>/g, '')))
    .filter((part) => part.length > 0);
}

interface PageReport {
  page: string;
  kind: string;
  painted: number;
  /** Painted text missing from the expected article (null: no expected.html). */
  outside: string[] | null;
  /** Claims found in the expected article's text that no painted range covers. */
  uncovered: string[] | null;
  errors: string[];
}

async function survey(ext: ExtensionBrowser, url: string, name: string, expectedHtml: string | null): Promise<PageReport> {
  let page: Page;
  try {
    page = await ext.openPage(url);
  } catch (error) {
    // A page whose load event never comes (a frame or stream kept open) is reported, not fatal.
    for (const open of await ext.browser.pages()) if (open.url() === url) await open.close();
    const reason = error instanceof Error ? error.message : String(error);
    return { page: name, kind: `not loaded: ${reason}`, painted: 0, outside: null, uncovered: null, errors: [] };
  }
  try {
    await page.waitForSelector('html[data-claimtrail="ready"]', { timeout: 15_000 }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const ranges = allPainted(await painted(page)).map(fold);
    // A page can leave the content script nothing to answer with (it navigated away, or no script runs).
    const kind = (await pageKind(ext, page).catch((error: unknown) => `no answer: ${error instanceof Error ? error.message : String(error)}`)) ?? 'no answer';
    // The page's own errors (its scripts, blocked by the CSP above) are not ours, nor are other
    // extensions' files a saved page still links to (a saved Wikipedia page asks for one's icon font).
    const errors = ext.errors(page).filter((error) => error.includes(ext.extensionBaseUrl) || /claimtrail/i.test(error));
    if (expectedHtml === null) return { page: name, kind, painted: ranges.length, outside: null, uncovered: null, errors };
    const blocks = expectedBlocks(expectedHtml);
    const expectedText = blocks.join(' ');
    // A range's opening words: a claim painted across inline elements ends at the same place either way.
    const outside = ranges.filter((range) => !expectedText.includes(range.slice(0, 60)));
    const joined = ranges.join(' | ');
    const detected = detectClaims(blocks);
    const uncovered = detected.claims
      .map((claim) => fold(claim.content.map(([start, end]) => detected.text.slice(start, end)).join(' ')))
      .filter((content) => !joined.includes(content.slice(0, 40)));
    return { page: name, kind, painted: ranges.length, outside, uncovered, errors };
  } finally {
    await page.close();
  }
}

const pages = readdirSync(dir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'source.html')))
  .map((entry) => entry.name)
  .sort();
const server = await startFixtureServer(dir);
for (const name of pages) {
  server.route(`/${name}/`, { body: readFileSync(join(dir, name, 'source.html')), headers: { 'content-security-policy': OFFLINE_CSP } });
}
const ext = await launch(browserName);
const reports: PageReport[] = [];
try {
  for (const name of pages) {
    const expectedPath = join(dir, name, 'expected.html');
    const expected = existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8') : null;
    reports.push(await survey(ext, server.url(`${name}/`), name, expected));
  }
} finally {
  await ext.close();
  await server.close();
}

if (values.json) console.log(JSON.stringify({ browser: browserName, pages: reports }, null, 2));
else {
  const count = (list: string[] | null) => (list === null ? '–' : String(list.length));
  const examples = (report: PageReport) =>
    [...(report.outside ?? []).map((text) => `outside: ${text}`), ...(report.uncovered ?? []).map((text) => `uncovered: ${text}`), ...report.errors.map((text) => `error: ${text}`)]
      .slice(0, 3)
      .map((line) => line.slice(0, 110))
      .join('\n');
  console.log(
    renderTable(
      [{ header: 'page' }, { header: 'taken for' }, { header: 'painted', align: 'right' }, { header: 'outside', align: 'right' }, { header: 'uncovered', align: 'right' }, { header: 'examples', maxWidth: 110 }],
      reports.map((report) => [report.page, report.kind, String(report.painted), count(report.outside), count(report.uncovered), examples(report)]),
    ),
  );
  const articles = reports.filter((report) => report.kind === 'article');
  console.log(`\n${browserName}: ${reports.length} pages, ${articles.length} taken for articles, ${reports.reduce((n, r) => n + r.painted, 0)} claims painted, ${reports.reduce((n, r) => n + (r.outside?.length ?? 0), 0)} outside the expected text, ${reports.reduce((n, r) => n + r.errors.length, 0)} extension errors`);
}
