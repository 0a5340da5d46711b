// `npm start [-- --browser chromium|firefox] [-- --headless]`
// Builds the extension, serves tests/fixtures/ on 127.0.0.1 and opens a browser with ClaimTrail loaded
// on the seed article. Runs until the browser window is closed or Ctrl-C.
// --headless: no window; checks that the content script ran on the seed article, then exits (a smoke test).
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { BROWSERS, findBrowser, type BrowserName } from '../tests/e2e/browsers';
import { launch, startFixtureServer } from '../tests/e2e/harness';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEED = 'seed-article.html';

const { values } = parseArgs({
  options: { browser: { type: 'string', default: 'chromium' }, headless: { type: 'boolean', default: false } },
});
const name = values.browser as BrowserName;
if (!BROWSERS.includes(name)) fail(`--browser must be one of: ${BROWSERS.join(', ')}`);
const found = findBrowser(name);
if ('missing' in found) fail(found.missing);
if (!values.headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail(
    'No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open.\n' +
      'Run it on a desktop session, or check the setup without a window: npm start -- --headless',
  );
}

console.log('Building the extension…');
if (spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) fail('Build failed.');

const server = await startFixtureServer();
const seedUrl = server.url(SEED);
console.log(`Serving test pages at ${server.origin}/ (seed article: ${seedUrl})`);

const ext = await launch(name, { headless: values.headless });
const page = await ext.openPage(seedUrl);
await page.waitForSelector('html[data-claimtrail]', { timeout: 20_000 }).catch(() => undefined);
const marker = await page.evaluate(() => document.documentElement.dataset.claimtrail);

if (values.headless) {
  const problems = ext.extensionErrors();
  await ext.close();
  await server.close();
  if (!marker) fail(`${name}: the content script did not run on ${seedUrl}.`);
  if (problems.length > 0) fail(`${name}: extension errors:\n${problems.join('\n')}`);
  console.log(`${name}: ClaimTrail loaded (${ext.extensionBaseUrl}); content script ran on ${seedUrl} (data-claimtrail="${marker}").`);
} else {
  // The harness opened a blank tab first; leave the article as the only tab in view.
  for (const other of await ext.browser.pages()) if (other !== page) await other.close().catch(() => undefined);
  await page.bringToFront();
  console.log(`${name} is open with ClaimTrail on the seed article. Close the window or press Ctrl-C to stop.`);
  const stop = async () => {
    await ext.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  ext.browser.once('disconnected', () => void stop());
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
