// Probes into an article tab and the extension's database, for the hardening e2e tests.
//
// Highlights are read from the page's CSS.highlights registry. A page that replaces `CSS` hides that
// registry from page scripts (the content script's isolated world still has its own `CSS`), so such a
// fixture stashes the real registry in `window.__ctRegistry` before its hostile script runs, and every
// probe here prefers that stash.
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './harness';

export const STATUS_HIGHLIGHTS = ['claimtrail-unreviewed', 'claimtrail-verified', 'claimtrail-disputed', 'claimtrail-changed'] as const;
/** The status highlights plus the one emphasising the claim whose card is open. */
export const HIGHLIGHTS = [...STATUS_HIGHLIGHTS, 'claimtrail-focus'] as const;
export type Painted = Record<(typeof HIGHLIGHTS)[number], string[]>;
export const WAIT = { timeout: 20_000, polling: 50 } as const;

/** Put first in a fixture's <head>, before any hostile script. */
export const STASH_REGISTRY = '<script>window.__ctRegistry = CSS.highlights;</script>';

/** Range texts per ClaimTrail highlight. */
export function painted(page: Page): Promise<Painted> {
  return page.evaluate((names: readonly string[]) => {
    const host = window as unknown as { __ctRegistry?: Map<string, Set<Range>> };
    const registry = host.__ctRegistry ?? (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return Object.fromEntries(names.map((name) => [name, [...(registry.get(name) ?? [])].map((range) => range.toString())]));
  }, HIGHLIGHTS) as Promise<Painted>;
}

/** Every claim range painted in a status highlight (the focus highlight repeats one of them). */
export function allPainted(state: Record<string, string[]>): string[] {
  return STATUS_HIGHLIGHTS.flatMap((name) => state[name] ?? []);
}

/** Waits until a `highlight` range contains `text` (any status highlight when `highlight` is omitted). */
export async function waitForPainted(page: Page, text: string, highlight?: string, timeout = WAIT.timeout): Promise<void> {
  await page.waitForFunction(
    (needle: string, names: readonly string[]) => {
      const host = window as unknown as { __ctRegistry?: Map<string, Set<Range>> };
      const registry = host.__ctRegistry ?? (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return names.some((name) => [...(registry.get(name) ?? [])].some((range) => range.toString().includes(needle)));
    },
    { timeout, polling: WAIT.polling },
    text,
    highlight ? [highlight] : STATUS_HIGHLIGHTS,
  );
}

/** Waits until the status highlights hold at least `atLeast` ranges in all. */
export async function waitForPaintCount(page: Page, atLeast: number, timeout = WAIT.timeout): Promise<void> {
  await page.waitForFunction(
    (count: number, names: readonly string[]) => {
      const host = window as unknown as { __ctRegistry?: Map<string, Set<Range>> };
      const registry = host.__ctRegistry ?? (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return names.reduce((total, name) => total + (registry.get(name)?.size ?? 0), 0) >= count;
    },
    { timeout, polling: WAIT.polling },
    atLeast,
    STATUS_HIGHLIGHTS,
  );
}

/** Viewport point in the middle of the first line of the highlighted claim containing `text`, scrolled into view (`block`: where in the window). */
export async function pointOnClaim(page: Page, text: string, block: ScrollLogicalPosition = 'center'): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((needle: string, names: readonly string[], where: ScrollLogicalPosition) => {
    const host = window as unknown as { __ctRegistry?: Map<string, Set<Range>> };
    const registry = host.__ctRegistry ?? (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const name of names) {
      for (const range of registry.get(name) ?? []) {
        if (!range.toString().includes(needle)) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: where });
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text, STATUS_HIGHLIGHTS, block);
  if (!point) throw new Error(`no highlighted claim containing "${text}"`);
  return point;
}

/** Waits until the review card is open (`open`) or gone. */
export async function waitForCard(page: Page, open = true): Promise<void> {
  await page.waitForFunction(
    (wantOpen: boolean) => !!document.querySelector('claimtrail-card')?.shadowRoot?.querySelector('.ct-card') === wantOpen,
    WAIT,
    open,
  );
}

/** The open card's text, or null. */
export function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('claimtrail-card')?.shadowRoot?.querySelector('.ct-card')?.textContent ?? null);
}

/** Clicks the middle of the first line of the highlighted claim containing `text`; waits for the card. */
export async function openCardOn(page: Page, text: string): Promise<void> {
  const point = await pointOnClaim(page, text);
  await page.mouse.click(point.x, point.y);
  await waitForCard(page, true);
}

/** Clicks a status button ("Verified", "Disputed") in the open card. */
export async function clickInCard(page: Page, label: string): Promise<void> {
  const clicked = await page.evaluate((wanted: string) => {
    const root = document.querySelector('claimtrail-card')?.shadowRoot;
    const button = [...(root?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent?.includes(wanted));
    button?.click();
    return !!button;
  }, label);
  if (!clicked) throw new Error(`no "${label}" button in the card`);
}

/** Waits until the popup for `article`'s tab lists at least `atLeast` claims; returns their texts. */
export async function popupClaims(ext: ExtensionBrowser, article: Page, atLeast: number): Promise<string[]> {
  const popup = await ext.openPopupFor(article);
  try {
    await popup.waitForFunction((n: number) => document.querySelectorAll('.ct-claims > li').length >= n, WAIT, atLeast);
    return await popup.$$eval('.ct-claims > li', (items) => items.map((li) => li.querySelector('.ct-claim__text')?.textContent ?? ''));
  } finally {
    await popup.close();
  }
}

export interface StoredClaim {
  text: string;
  status: string;
  pageUrl: string;
}

/** Every stored claim (the `claimChunks` table holds them, with their pages), read from an extension page (the database's own origin). */
export async function storedClaims(ext: ExtensionBrowser): Promise<StoredClaim[]> {
  const library = await ext.openExtensionPage('library.html');
  try {
    return await library.evaluate(
      () =>
        new Promise<StoredClaim[]>((resolve, reject) => {
          const open = indexedDB.open('claimtrail');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const request = db.transaction('claimChunks', 'readonly').objectStore('claimChunks').getAll();
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              db.close();
              resolve(
                (request.result as { claims: { text?: string; status?: string; pageUrl?: string }[] }[]).flatMap((group) =>
                  group.claims.map((row) => ({ text: row.text ?? '', status: row.status ?? '', pageUrl: row.pageUrl ?? '' })),
                ),
              );
            };
          };
        }),
    );
  } finally {
    await library.close();
  }
}

/** The seed article with `head` added at the start of <head> and `body` at the start of <body>. */
export function seedWith(seedHtml: string, { head = '', body = '' }: { head?: string; body?: string }): string {
  return seedHtml.replace('<head>', `<head>\n${head}`).replace('<body>', `<body>\n${body}`);
}

/** Hands `text` to the library's import file input as backup.json, as choosing the file in the picker does. */
export async function chooseImportFile(library: Page, text: string): Promise<void> {
  await library.evaluate((json: string) => {
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([json], 'backup.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, text);
}

/** Writes `items` to the extension's storage.local from one of its pages (`control`), as the settings do. */
export async function setExtensionStorage(control: Page, items: Record<string, unknown>): Promise<void> {
  await control.evaluate(async (values: Record<string, unknown>) => {
    type StorageHost = { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
    const host = globalThis as unknown as { browser?: StorageHost; chrome?: StorageHost };
    await (host.browser ?? host.chrome)?.storage.local.set(values);
  }, items);
}

/** Sends a data-less message of `type` to the content script of tab `tabId`, from an extension page (`control`), as the popup does. */
export function messageTab(control: Page, tabId: number, type: string): Promise<unknown> {
  return control.evaluate(
    async (id: number, messageType: string) => {
      type TabsHost = { tabs: { sendMessage(tab: number, message: unknown, options: { frameId: number }): Promise<unknown> } };
      const host = globalThis as unknown as { browser?: TabsHost; chrome?: TabsHost };
      return (host.browser ?? host.chrome)?.tabs.sendMessage(id, { ct: 1, type: messageType, data: null }, { frameId: 0 });
    },
    tabId,
    type,
  );
}

/** What the tab's content script took the page for ('article', 'not-article', 'disabled'…), asked from an extension page. */
export async function pageKind(ext: ExtensionBrowser, page: Page): Promise<string | undefined> {
  const tabId = await ext.tabIdOf(page);
  const control = await ext.openExtensionPage('manifest.json');
  try {
    const answer = (await messageTab(control, tabId, 'page:get-claims')) as { data?: { kind?: string } } | undefined;
    return answer?.data?.kind;
  } finally {
    await control.close();
  }
}
