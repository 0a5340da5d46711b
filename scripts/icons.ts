// `npm run icons`: renders public/icon/claimtrail.svg to the PNG sizes the manifests use
// (public/icon/<size>.png, picked up by WXT as `icons` and `action.default_icon`).
// Rasterised by headless Chromium so no image library is needed.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { browserPath } from '../tests/e2e/browsers';

const ICON_DIR = fileURLToPath(new URL('../public/icon/', import.meta.url));
const SIZES = [16, 32, 48, 128];
const svg = readFileSync(`${ICON_DIR}claimtrail.svg`, 'utf8');

const browser = await puppeteer.launch({
  executablePath: browserPath('chromium'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="${dataUrl}" width="${size}" height="${size}">`,
    );
    await page.waitForFunction(() => document.querySelector('img')?.complete);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(`${ICON_DIR}${size}.png`, png);
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
