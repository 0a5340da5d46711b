// Screenshots of the real popup (built extension, headless Chromium) for docs/: light, dark, and at
// 200% zoom (a 190 CSS px wide viewport, which is what the 380 px popup becomes at 200%).
// Fails if any of them scrolls horizontally. Run `npm run build` first.
//
//   npx tsx scripts/screenshot-popup.ts [--out docs]
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startFixtureServer } from '../tests/e2e/harness';
import { launchPopupBrowser, tabIdOf } from './lib/popup-browser';
import { seedPageClaims, stubPageClaims } from './lib/popup-stub';

const outArg = process.argv.indexOf('--out');
const OUT = outArg >= 0 ? process.argv[outArg + 1]! : 'docs';

const SHOTS = [
  { file: 'popup.png', scheme: 'light', width: 380 },
  { file: 'popup-dark.png', scheme: 'dark', width: 380 },
  { file: 'popup-zoom-200.png', scheme: 'light', width: 190 },
] as const;

await mkdir(OUT, { recursive: true });
const server = await startFixtureServer();
const ext = await launchPopupBrowser();
const overflowing: string[] = [];
try {
  const article = await ext.browser.newPage();
  await article.goto(server.url('seed-article.html'));
  const tabId = await tabIdOf(ext, article);
  for (const shot of SHOTS) {
    const page = await ext.browser.newPage();
    await page.setViewport({ width: shot.width, height: 600, deviceScaleFactor: 2 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: shot.scheme }]);
    await stubPageClaims(page, seedPageClaims());
    await page.goto(`${ext.extensionBaseUrl}popup.html?tab=${tabId}`, { waitUntil: 'load' });
    await page.waitForSelector('html[data-painted]');
    // Claims after the first screenful render a frame later; wait for all of them.
    await page.waitForFunction((n: number) => document.querySelectorAll('.ct-claims > li').length >= n, {}, seedPageClaims().claims.length);
    const [scrollWidth, clientWidth, height] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
      document.documentElement.scrollHeight,
    ]);
    if (scrollWidth! > clientWidth!) overflowing.push(`${shot.file}: ${scrollWidth} px of content in ${clientWidth} px`);
    // A viewport as tall as the page, rather than fullPage: off-screen claims skip painting
    // (content-visibility) and a fullPage capture can catch them unpainted.
    await page.setViewport({ width: shot.width, height: height!, deviceScaleFactor: 2 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: join(OUT, shot.file) });
    console.log(`${join(OUT, shot.file)} (${shot.scheme}, ${shot.width} px wide)`);
    await page.close();
  }
} finally {
  await ext.close();
  await server.close();
}
if (overflowing.length > 0) {
  console.error(`Horizontal scroll:\n  ${overflowing.join('\n  ')}`);
  process.exit(1);
}
