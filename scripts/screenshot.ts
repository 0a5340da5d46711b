// `npm run screenshot`: the README screenshot, taken from the real built extension in headless Chromium.
// The seed article with ClaimTrail's highlights, and the toolbar popup for that tab drawn over its
// top-right corner the way the browser shows it. Writes docs/screenshot.png (rebuilds first if stale).
//   --scheme light|dark   colour scheme to emulate (default light)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import buildIfStale from '../tests/e2e/global-setup';
import { launch, startFixtureServer } from '../tests/e2e/harness';

const OUT = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));
const PAGE = { width: 1280, height: 800 };
const POPUP = { width: 400, maxHeight: 600 };
// Highlights and the popup's content arrive asynchronously; if the UI of this build never shows them,
// the screenshot is still taken (with a warning) rather than failing.
const SETTLE_MS = 8_000;

const { values } = parseArgs({ options: { scheme: { type: 'string', default: 'light' } } });
const scheme = values.scheme === 'dark' ? 'dark' : 'light';

buildIfStale();
const server = await startFixtureServer();
const ext = await launch('chromium');
try {
  const article = await ext.openPage(server.url('seed-article.html'));
  await article.setViewport({ ...PAGE, deviceScaleFactor: 1 });
  await article.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await article.waitForSelector('html[data-claimtrail]');
  const highlighted = await settle(article, () => (globalThis.CSS?.highlights?.size ?? 0) > 0 || document.querySelector('mark') !== null);
  if (!highlighted) console.warn('warning: no highlights appeared on the seed article');

  const popup = await ext.openPopupFor(article);
  await popup.setViewport({ width: POPUP.width, height: POPUP.maxHeight, deviceScaleFactor: 1 });
  await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  const listed = await settle(popup, () => document.querySelector('main li, main [role="listitem"]') !== null);
  if (!listed) console.warn('warning: the popup shows no claims');
  const height = Math.min(POPUP.maxHeight, await popup.evaluate(() => document.documentElement.scrollHeight));
  await popup.setViewport({ width: POPUP.width, height, deviceScaleFactor: 1 });
  const popupPng = await popup.screenshot({ type: 'png' });

  // The popup belongs to a background tab now; bring the article back so it paints again.
  await article.bringToFront();
  const articlePng = await article.screenshot({ type: 'png' });

  const canvas = await ext.browser.newPage();
  await canvas.setViewport({ ...PAGE, deviceScaleFactor: 1 });
  await canvas.setContent(`<!doctype html><style>
      html, body { margin: 0; }
      body { width: ${PAGE.width}px; height: ${PAGE.height}px; position: relative; overflow: hidden; }
      .popup { position: absolute; top: 8px; right: 16px; width: ${POPUP.width}px; border-radius: 8px;
               box-shadow: 0 8px 28px rgb(0 0 0 / .35), 0 0 0 1px rgb(0 0 0 / .15); }
    </style>
    <img src="data:image/png;base64,${Buffer.from(articlePng).toString('base64')}">
    <img class="popup" src="data:image/png;base64,${Buffer.from(popupPng).toString('base64')}">`);
  await canvas.waitForFunction(() => [...document.images].every((image) => image.complete));
  writeFileSync(OUT, await canvas.screenshot({ type: 'png' }));
  console.log(`Wrote ${OUT}`);
} finally {
  await ext.close();
  await server.close();
}

async function settle(page: Page, ready: () => boolean): Promise<boolean> {
  const shown = await page.waitForFunction(ready, { timeout: SETTLE_MS }).then(() => true, () => false);
  // Let transitions and late paints finish so the picture is not caught mid-fade.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return shown;
}
