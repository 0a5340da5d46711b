// End-to-end harness: the built extension in real headless Chromium and Firefox ESR (puppeteer-core).
//
//   import { BROWSERS, launch, startFixtureServer, type ExtensionBrowser } from './harness';
//   describe.each(BROWSERS)('%s', (name) => {
//     let ext: ExtensionBrowser; let server: FixtureServer;
//     beforeAll(async () => { server = await startFixtureServer(); ext = await launch(name); });
//     afterAll(async () => { await ext?.close(); await server?.close(); });
//     it('…', async () => {
//       const page = await ext.openPage(server.url('seed-article.html'));   // waits for load
//       const popup = await ext.openPopupFor(page);                          // popup.html?tab=<id>
//       expect(ext.errors(popup)).toEqual([]);
//     });
//   });
//
// - One browser per test file (launch in beforeAll); both browsers in every file via describe.each(BROWSERS).
// - The extension comes from .output/chrome-mv3 or .output/firefox-mv3 (copied to a temp dir at launch, so
//   a rebuild during a run can't pull files from under a running browser); the e2e globalSetup rebuilds
//   it when sources are newer than the build.
// - openExtensionPage(path) works around Firefox BiDi never resolving goto() to moz-extension:// URLs:
//   it starts the navigation, then waits for the document itself. Don't call page.goto() on extension
//   URLs in Firefox yourself; use ext.navigateExtensionPage(page, path) to move an open page.
// - errors(page) lists console errors and uncaught exceptions seen on a page opened through the harness
//   (listeners are attached before navigation, so load-time errors are caught). Firefox sends no such
//   events for moz-extension:// pages; extensionErrors() covers the extension's own contexts in both
//   browsers (Firefox: uncaught exceptions/rejections read from the browser's stderr).
// - tabIdOf(page) brings the page to front and asks the extension which tab is active (the tabs API hides
//   URLs without the "tabs" permission). So after tabIdOf/openPopupFor the page is the active tab; the
//   popup opens in a new tab, which then becomes active (the article tab is then a background tab).
// - Pages are ordinary puppeteer Pages; prefer waitForSelector/waitForFunction over fixed sleeps.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { browserPath, type BrowserName } from './browsers';

export { BROWSERS, type BrowserName } from './browsers';
export { startFixtureServer, type FixtureServer, type RouteResponse } from './fixture-server';

export const OUTPUT_DIR = fileURLToPath(new URL('../../.output/', import.meta.url));
export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: join(OUTPUT_DIR, 'chrome-mv3'),
  firefox: join(OUTPUT_DIR, 'firefox-mv3'),
};

// Fixed so moz-extension:// URLs are known before the add-on is installed.
export const FIREFOX_EXTENSION_UUID = '6c1a7a0e-3f7b-4c2e-9d51-c1a1e7a11c00';

// Long enough for a cold Firefox on a busy 2-core machine; a healthy run takes a fraction of this.
const WAIT_MS = 20_000;

export interface ExtensionBrowser {
  name: BrowserName;
  browser: Browser;
  /** chrome-extension://<id>/ or moz-extension://<uuid>/ */
  extensionBaseUrl: string;
  /** Opens a new tab on url and waits for its load event. */
  openPage(url: string): Promise<Page>;
  /** Opens an extension page in a new tab, e.g. 'library.html' or 'popup.html?tab=12', and waits for it to load. */
  openExtensionPage(path: string): Promise<Page>;
  /** Navigates an already open tab to an extension page (same Firefox workaround as openExtensionPage). */
  navigateExtensionPage(page: Page, path: string): Promise<void>;
  /** Opens popup.html?tab=<id of page's tab> in its own tab. */
  openPopupFor(page: Page): Promise<Page>;
  /** The browser's tabs API id of the tab showing page. */
  tabIdOf(page: Page): Promise<number>;
  /** Console errors and uncaught exceptions of a page opened through this harness, in order.
   *  Firefox reports nothing here for moz-extension:// pages: check extensionErrors() for those. */
  errors(page: Page): string[];
  /** Errors in the extension's own contexts since launch, browser-wide. Chromium: console errors and
   *  uncaught exceptions of the service worker and of extension pages opened through this harness.
   *  Firefox: uncaught exceptions and unhandled rejections in the background and in every extension page
   *  (console.error calls are not included). */
  extensionErrors(): string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** false opens a real window (used by `npm start`); tests always run headless. */
  headless?: boolean;
  /** host:port of an HTTP proxy for every non-loopback request (the privacy test records them there). */
  proxy?: string;
  /**
   * A browser profile kept in this directory (created when missing, left in place by close()), so a
   * second launch with it is a browser restart. The extension is then installed the way a user has
   * it, to survive that restart: from a fixed path inside the profile (Chromium derives an unpacked
   * extension's id from its path) or, in Firefox, as a permanently installed add-on sideloaded from the
   * profile's extensions directory (a temporary add-on is uninstalled, with its storage, at shutdown).
   * Launching again with another `build` is an extension update.
   */
  profileDir?: string;
  /** The build directory to install; defaults to EXTENSION_DIRS[name]. */
  build?: string;
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

async function launchChromium({ headless = true, proxy, profileDir, build = EXTENSION_DIRS.chromium }: LaunchOptions): Promise<ExtensionBrowser> {
  const userDataDir = profileDir ?? (await mkdtemp(join(tmpdir(), 'claimtrail-chromium-')));
  const removeProfile = () => (profileDir ? Promise.resolve() : rm(userDataDir, { recursive: true, force: true }));
  // Copied before launch: a kept profile loads the extension from this path as the browser starts.
  const extensionDir = await snapshotExtension(build, userDataDir);
  const browser = await puppeteer.launch({
    executablePath: browserPath('chromium'),
    headless,
    // A window's own size, not puppeteer's 800×600 emulation, when someone is looking at it.
    ...(!headless && { defaultViewport: null }),
    pipe: true,
    enableExtensions: true,
    userDataDir,
    args: [
      '--no-sandbox', // CI runs as root, where Chromium refuses to start sandboxed.
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Loopback (the fixture server) still goes direct: Chromium bypasses proxies for it by default.
      ...(proxy ? [`--proxy-server=http://${proxy}`] : []),
    ],
  });
  const workerErrors = collectChromiumWorkerErrors(browser);
  try {
    const id = await browser.installExtension(extensionDir);
    const base = `chrome-extension://${id}/`;
    const extensionErrors = () => workerErrors.filter((error) => error.url.startsWith(base)).map((error) => error.text);
    const ext = makeExtensionBrowser('chromium', browser, base, extensionErrors, removeProfile);
    // A service worker that throws while loading is never registered and its target is gone before
    // its exception can be read, so a missing registration is reported as the error.
    const registered = await (await ext.controlPage()).evaluate(async (waitMs: number) => {
      const deadline = Date.now() + waitMs;
      while (Date.now() < deadline) {
        const registration = await navigator.serviceWorker.getRegistration();
        if (registration?.active) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    }, 10_000);
    if (!registered) {
      workerErrors.push({ url: base, text: `${base}: the background service worker is not registered (did it throw while loading?)` });
    }
    return ext;
  } catch (error) {
    await browser.close();
    await removeProfile();
    throw error;
  }
}

async function launchFirefox({ headless = true, proxy, profileDir, build = EXTENSION_DIRS.firefox }: LaunchOptions): Promise<ExtensionBrowser> {
  const snapshotDir = profileDir ?? (await mkdtemp(join(tmpdir(), 'claimtrail-firefox-ext-')));
  const removeSnapshot = () => (profileDir ? Promise.resolve() : rm(snapshotDir, { recursive: true, force: true }));
  const extensionDir = await snapshotExtension(build, snapshotDir);
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('The Firefox build has no gecko id (browser_specific_settings.gecko.id).');
  if (profileDir) await sideloadFirefoxExtension(profileDir, geckoId, extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless,
    ...(!headless && { defaultViewport: null }),
    // Without it, BiDi refuses to navigate tabs to moz-extension:// pages.
    args: ['--remote-allow-system-access', ...(profileDir ? ['--profile', profileDir] : [])],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      ...(proxy && firefoxProxyPrefs(proxy)),
      // Firefox ESR honours this; release builds would refuse the unsigned sideloaded build.
      ...(profileDir && { 'xpinstall.signatures.required': false }),
    },
  });
  const base = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  // BiDi delivers no console or error events from moz-extension:// documents, but Firefox writes every
  // uncaught exception and unhandled rejection to stderr as "JavaScript error: <url>, line N: …".
  const stderrErrors: string[] = [];
  let pending = '';
  browser.process()?.stderr?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(`JavaScript error: ${base}`)) stderrErrors.push(`uncaught: ${line.slice('JavaScript error: '.length)}`);
    }
  });
  try {
    if (!profileDir) await browser.installExtension(extensionDir);
    const ext = makeExtensionBrowser('firefox', browser, base, () => [...stderrErrors], removeSnapshot);
    // The sideloaded add-on starts with the browser; its control page loads once it is running.
    if (profileDir) await ext.controlPage();
    return ext;
  } catch (error) {
    await browser.close();
    await removeSnapshot();
    throw error;
  }
}

// A proxy file (named after the add-on id, holding the path of its unpacked directory) in the profile's
// extensions directory installs the add-on permanently at startup; a changed build there is an update.
async function sideloadFirefoxExtension(profileDir: string, geckoId: string, extensionDir: string): Promise<void> {
  await mkdir(join(profileDir, 'extensions'), { recursive: true });
  await writeFile(join(profileDir, 'extensions', geckoId), extensionDir);
}

// Manual proxy for http and https; localhost stays direct (allow_hijacking_localhost false).
function firefoxProxyPrefs(proxy: string): Record<string, string | number | boolean> {
  const [host = '127.0.0.1', port = '0'] = proxy.split(':');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.allow_hijacking_localhost': false,
  };
}

function makeExtensionBrowser(
  name: BrowserName,
  browser: Browser,
  extensionBaseUrl: string,
  browserExtensionErrors: () => string[],
  cleanUp: () => Promise<void>,
): ExtensionBrowser & { controlPage(): Promise<Page> } {
  const pageErrors = new WeakMap<Page, string[]>();
  const extensionPageErrors: string[] = [];
  const tabIds = new WeakMap<Page, number>();
  let control: Page | undefined;

  async function newTrackedPage(): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];
    pageErrors.set(page, errors);
    const record = (text: string) => {
      errors.push(text);
      if (page.url().startsWith(extensionBaseUrl)) extensionPageErrors.push(`${page.url()}: ${text}`);
    };
    page.on('console', (message) => {
      if (message.type() === 'error') record(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => record(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
    return page;
  }

  async function navigateExtensionPage(page: Page, path: string): Promise<void> {
    const target = new URL(path, extensionBaseUrl).href;
    if (name === 'chromium') {
      await page.goto(target, { waitUntil: 'load' });
      return;
    }
    // Firefox BiDi loads moz-extension:// pages but never resolves goto() for them.
    page.goto(target).catch(() => {});
    await pollUntil(
      () => page.evaluate(() => ({ href: location.href, ready: document.readyState })),
      (state) => state.href === target && state.ready === 'complete',
      `${target} to load`,
    );
  }

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await newTrackedPage();
    await navigateExtensionPage(page, path);
    return page;
  }

  // manifest.json is the one inert document in the extension's origin: it runs no project code
  // but still gets the extension API, which is all tabIdOf needs.
  async function extensionControlPage(): Promise<Page> {
    control ??= await openExtensionPage('manifest.json');
    return control;
  }

  // Without the "tabs" permission the tabs API hides URLs and titles (Chromium), so a tab can't be matched
  // by URL. Instead the page is made the active tab of the focused window and the extension is asked
  // which tab that is. A tab keeps its id across navigations, so the answer is cached per Page.
  async function tabIdOf(page: Page): Promise<number> {
    const cached = tabIds.get(page);
    if (cached !== undefined) return cached;
    // Open the control page first: opening it activates its tab, which would make it the answer.
    const control = await extensionControlPage();
    await page.bringToFront();
    const ids = await control.evaluate(async () => {
      const host = globalThis as unknown as { browser?: TabsHost; chrome?: TabsHost };
      const api = host.browser ?? host.chrome;
      if (!api) throw new Error('No extension API in the control page');
      const tabs = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return tabs.map((tab) => tab.id);
    });
    const [id, ...rest] = ids;
    if (id === undefined || rest.length > 0) {
      throw new Error(`tabIdOf(${page.url()}): expected one active tab, the extension reported ${JSON.stringify(ids)}`);
    }
    tabIds.set(page, id);
    return id;
  }

  return {
    name,
    browser,
    extensionBaseUrl,
    async openPage(url) {
      const page = await newTrackedPage();
      await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
      return page;
    },
    openExtensionPage,
    navigateExtensionPage,
    async openPopupFor(page) {
      return openExtensionPage(`popup.html?tab=${await tabIdOf(page)}`);
    },
    tabIdOf,
    controlPage: extensionControlPage,
    errors: (page) => [...(pageErrors.get(page) ?? [])],
    extensionErrors: () => [...extensionPageErrors, ...browserExtensionErrors()],
    async close() {
      try {
        await browser.close();
      } finally {
        await cleanUp();
      }
    },
  };
}

// Installs a copy, not .output itself: `npm run build` empties .output first, and Firefox reads a
// temporary add-on's files from disk as it needs them, so a rebuild during a run (someone else's, or
// the next step's) would otherwise break a browser that is already running. The copy's path is fixed
// per parent directory, so a kept profile installs every build at the same place.
async function snapshotExtension(source: string, parentDir: string): Promise<string> {
  const manifest = join(source, 'manifest.json');
  const target = join(parentDir, 'claimtrail-extension');
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await rm(target, { recursive: true, force: true });
    try {
      const before = statSync(manifest).mtimeMs;
      await cp(source, target, { recursive: true });
      if (statSync(manifest).mtimeMs === before && existsSync(join(target, 'manifest.json'))) return target;
    } catch {
      // Mid-rebuild: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No complete build in ${source}: run \`npm run build\` first.`);
}

interface WorkerError {
  url: string;
  text: string;
}

// Listens before the extension is installed so the service worker's startup errors are caught too.
function collectChromiumWorkerErrors(browser: Browser): WorkerError[] {
  const errors: WorkerError[] = [];
  const watch = async (target: Target) => {
    if (target.type() !== 'service_worker') return;
    const worker = await target.worker();
    if (!worker) return;
    const url = target.url();
    worker.on('console', (message) => {
      if (message.type() === 'error') errors.push({ url, text: `${url}: console.error: ${message.text()}` });
    });
    // Target.worker() drops the worker's exceptions; its CDP session still has them.
    worker.client.on('Runtime.exceptionThrown', (event) => {
      const details = event.exceptionDetails;
      errors.push({ url, text: `${url}: uncaught: ${details.exception?.description ?? details.text}` });
    });
  };
  browser.on('targetcreated', (target: Target) => void watch(target).catch(() => {}));
  for (const target of browser.targets()) void watch(target).catch(() => {});
  return errors;
}

// page.waitForFunction gives up on the first evaluation error, and evaluating while Firefox swaps documents
// throws transient protocol errors, so poll with plain evaluate calls and retry those errors.
async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await read();
      if (done(value)) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out after ${WAIT_MS} ms waiting for ${what}; last state: ${String(last instanceof Error ? last.message : JSON.stringify(last))}`);
}

interface TabsHost {
  tabs: { query(filter: { active?: boolean; lastFocusedWindow?: boolean }): Promise<Array<{ id?: number }>> };
}
