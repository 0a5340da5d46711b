// A headless Chromium with a private snapshot of the built extension, for the popup benchmark and
// screenshots. Others rebuild .output/ while they work; copying it first keeps a run from seeing
// the extension vanish halfway.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { browserPath } from '../../tests/e2e/browsers';
import { EXTENSION_DIRS } from '../../tests/e2e/harness';

export interface PopupBrowser {
  browser: Browser;
  extensionBaseUrl: string;
  close(): Promise<void>;
}

/**
 * source: the built Chromium extension to snapshot (default: the shared build in .output/).
 * extraFiles: files added to the snapshot (path in the extension → text), e.g. data for a stub.
 */
export async function launchPopupBrowser(source: string = EXTENSION_DIRS.chromium, extraFiles: Record<string, string> = {}): Promise<PopupBrowser> {
  const dir = await mkdtemp(join(tmpdir(), 'claimtrail-popup-'));
  const extensionDir = join(dir, 'extension');
  await cp(source, extensionDir, { recursive: true });
  for (const [path, text] of Object.entries(extraFiles)) await writeFile(join(extensionDir, path), text);
  const browser = await puppeteer.launch({
    executablePath: browserPath('chromium'),
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir: join(dir, 'profile'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const id = await browser.installExtension(extensionDir);
  return {
    browser,
    extensionBaseUrl: `chrome-extension://${id}/`,
    async close() {
      try {
        await browser.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The tabs API id of the tab showing page (the id the popup's ?tab= takes). Without the "tabs"
 * permission the API hides URLs, so the page is brought to front and the active tab is asked for,
 * from an extension page opened in the background.
 */
export async function tabIdOf(popup: PopupBrowser, page: Page): Promise<number> {
  const control = await popup.browser.newPage();
  try {
    await control.goto(`${popup.extensionBaseUrl}manifest.json`);
    await page.bringToFront();
    const [id] = await control.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
      return (await api.tabs.query({ active: true, lastFocusedWindow: true })).map((tab) => tab.id);
    });
    if (id === undefined) throw new Error('no active tab');
    return id;
  } finally {
    await control.close();
  }
}
