// The reading experience in real browsers: claims painted with CSS.highlights on the seed article and
// on fixtures for the hard cases, the review card with mouse and keyboard, and a page DOM left as is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, type FixtureServer } from './harness';
import { withExtensionBrowser } from './suite';
import { FIXTURES_DIR } from './fixture-server';

const NAMES = ['claimtrail-unreviewed', 'claimtrail-verified', 'claimtrail-disputed', 'claimtrail-changed', 'claimtrail-focus'] as const;
type Painted = Record<(typeof NAMES)[number], string[]>;

const expected = JSON.parse(readFileSync(join(FIXTURES_DIR, 'seed-article.expected.json'), 'utf8')) as {
  claims: { content: string }[];
  mustNotFlag: string[];
};

/** Range texts per ClaimTrail highlight, read from the page's own CSS.highlights registry. */
function painted(page: Page): Promise<Painted> {
  return page.evaluate((names: readonly string[]) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return Object.fromEntries(names.map((name) => [name, [...(registry.get(name) ?? [])].map((range) => range.toString())]));
  }, NAMES) as Promise<Painted>;
}

function allClaims(state: Painted): string[] {
  return [...state['claimtrail-unreviewed'], ...state['claimtrail-verified'], ...state['claimtrail-disputed'], ...state['claimtrail-changed']];
}

const fold = (text: string) => text.replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ').trim();

/** A highlighted range covers the expected content (quote marks and spacing aside). */
function covers(ranges: string[], content: string): boolean {
  const want = fold(content);
  return ranges.some((range) => {
    const got = fold(range);
    return got.includes(want) || (want.includes(got) && got.length >= want.length * 0.8);
  });
}

async function waitForPaint(page: Page, atLeast = 1): Promise<void> {
  await page.waitForFunction(
    (count: number) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      let total = 0;
      for (const name of ['claimtrail-unreviewed', 'claimtrail-verified', 'claimtrail-disputed', 'claimtrail-changed']) total += registry.get(name)?.size ?? 0;
      return total >= count;
    },
    { timeout: 15_000, polling: 50 },
    atLeast,
  );
}

/** The article's markup as the server sent it, parsed without running scripts. */
async function sourceInnerHtml(page: Page, selector: string): Promise<string> {
  return page.evaluate(async (css: string) => {
    const source = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(source, 'text/html').querySelector(css)?.innerHTML ?? 'missing';
  }, selector);
}

/** Viewport point in the middle of the first line of the highlighted range whose text includes `text`. */
async function pointOnClaim(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((needle: string) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const name of ['claimtrail-unreviewed', 'claimtrail-verified', 'claimtrail-disputed']) {
      for (const range of registry.get(name) ?? []) {
        if (!range.toString().includes(needle)) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
  if (!point) throw new Error(`no highlighted claim containing "${text}"`);
  return point;
}

function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('claimtrail-card')?.shadowRoot?.querySelector('.ct-card')?.textContent ?? null);
}

async function waitForCard(page: Page, open: boolean): Promise<void> {
  await page.waitForFunction(
    (wantOpen: boolean) => !!document.querySelector('claimtrail-card')?.shadowRoot?.querySelector('.ct-card') === wantOpen,
    { timeout: 10_000, polling: 50 },
    open,
  );
}

describe.each(BROWSERS)('reading in %s', (name) => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  withExtensionBrowser(name, (launched) => ({ ext, server } = launched));

  it('paints the seed article’s claims, and nothing from the sidebar, footer or licence', async () => {
    const page = await ext.openPage(server.url('seed-article.html'));
    await waitForPaint(page, 5);
    const claims = allClaims(await painted(page));
    for (const claim of expected.claims) expect(covers(claims, claim.content), claim.content).toBe(true);
    for (const phrase of expected.mustNotFlag) {
      expect(claims.filter((range) => range.includes(phrase) || phrase.includes(range)), phrase).toEqual([]);
    }
    expect(await page.evaluate(() => document.querySelector('article')?.innerHTML)).toBe(await sourceInnerHtml(page, 'article'));
    expect(ext.errors(page)).toEqual([]);
  });

  it('opens the card on a click, repaints a verdict at once, and leaves the article DOM untouched', async () => {
    const page = await ext.openPage(server.url('seed-article.html'));
    await waitForPaint(page, 5);
    const point = await pointOnClaim(page, 'The discussion has started now');
    await page.mouse.click(point.x, point.y);
    await waitForCard(page, true);
    expect(await cardText(page)).toMatch(/Ayad Allawi[\s\S]*The discussion has started now/);
    expect((await painted(page))['claimtrail-focus'].join(' ')).toContain('The discussion has started now');

    await page.evaluate(() => {
      const root = document.querySelector('claimtrail-card')?.shadowRoot;
      const button = [...(root?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent?.includes('Verified'));
      button?.click();
    });
    await page.waitForFunction(() =>
      [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimtrail-verified') ?? [])].some((range) =>
        range.toString().includes('The discussion has started now'),
      ),
    );
    const after = await painted(page);
    expect(after['claimtrail-unreviewed'].some((range) => range.includes('The discussion has started now'))).toBe(false);
    expect(
      await page.evaluate(
        () =>
          [...(document.querySelector('claimtrail-card')?.shadowRoot?.querySelectorAll('button[aria-pressed="true"]') ?? [])].map(
            (button) => button.textContent,
          ),
      ),
    ).toEqual(['✓ Verified']);

    // A click away from any claim closes the card.
    await page.click('article h1');
    await waitForCard(page, false);
    expect(await page.evaluate(() => document.querySelector('article')?.innerHTML)).toBe(await sourceInnerHtml(page, 'article'));
    expect(ext.errors(page)).toEqual([]);
  });

  it('is usable from the keyboard: focus moves into the card, Tab stays in reach, Escape returns focus', async () => {
    const page = await ext.openPage(server.url('seed-article.html'));
    await waitForPaint(page, 5);
    await page.focus('nav a[href="/world"]');
    const point = await pointOnClaim(page, 'ISIS will find a way to survive');
    // A click event that does not move focus, so "where focus was" is the link.
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y);
      target?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0 }));
    }, point);
    await waitForCard(page, true);
    const focusedInCard = () =>
      page.evaluate(() => {
        const root = document.querySelector('claimtrail-card')?.shadowRoot;
        const active = root?.activeElement;
        return active ? `${active.tagName}:${active.textContent ?? ''}` : null;
      });
    expect(await focusedInCard()).toMatch(/^SECTION/);
    await page.keyboard.press('Tab');
    expect(await focusedInCard()).toBe('BUTTON:×');
    await page.keyboard.press('Tab');
    expect(await focusedInCard()).toBe('BUTTON:✓ Verified');
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/world');
    expect(ext.errors(page)).toEqual([]);
  });

  it('paints a claim split across <a> and <em> as one exact range', async () => {
    const page = await ext.openPage(server.url('reading/split-inline.html'));
    await waitForPaint(page, 1);
    const claims = allClaims(await painted(page));
    expect(covers(claims, 'The authority has not moved an inch on pensions, and our members will stay out until it does,')).toBe(true);
    expect(covers(claims, 'latest offer was fair and final')).toBe(true);
    expect(await page.evaluate(() => document.querySelector('article')?.innerHTML)).toBe(await sourceInnerHtml(page, 'article'));
  });

  it('follows a page that appends paragraphs and drops highlights of removed text', async () => {
    const page = await ext.openPage(server.url('reading/append.html'));
    await waitForPaint(page, 1);
    expect(covers(allClaims(await painted(page)), 'evacuation centres were open in three towns')).toBe(true);
    await page.evaluate(() => (window as unknown as { appendUpdate(): boolean }).appendUpdate());
    await page.waitForFunction(
      () =>
        [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimtrail-unreviewed') ?? [])].some((range) =>
          range.toString().includes('could peak higher'),
        ),
      { timeout: 10_000, polling: 50 },
    );
    await page.evaluate(() => (window as unknown as { removeFirstUpdate(): void }).removeFirstUpdate());
    // Removed text collapses its live ranges at once; the repaint then drops them from the highlight.
    await page.waitForFunction(
      () => {
        const ranges = [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimtrail-unreviewed') ?? [])];
        return ranges.length > 0 && ranges.every((range) => !range.collapsed && !range.toString().includes('evacuation centres'));
      },
      { timeout: 10_000, polling: 50 },
    );
    const ranges = await page.evaluate(() =>
      [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimtrail-unreviewed') ?? [])].map(
        (range) => range.startContainer.isConnected && range.toString() !== '',
      ),
    );
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.every(Boolean)).toBe(true);
    expect(ext.errors(page)).toEqual([]);
  });

  it('starts over when a single-page app swaps the article (history.pushState)', async () => {
    const page = await ext.openPage(server.url('reading/spa.html'));
    await waitForPaint(page, 1);
    expect(covers(allClaims(await painted(page)), 'This line will take ten thousand cars off our streets every day')).toBe(true);
    await page.evaluate(() => (window as unknown as { navigateTo(key: string): void }).navigateTo('schools'));
    await page.waitForFunction(
      () =>
        [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimtrail-unreviewed') ?? [])].some((range) =>
          range.toString().includes('Hungry children cannot learn'),
        ),
      { timeout: 15_000, polling: 100 },
    );
    const claims = allClaims(await painted(page));
    expect(claims.some((range) => range.includes('ten thousand cars'))).toBe(false);
    expect(ext.errors(page)).toEqual([]);
  });

  it('keeps a verdict across a reload: the stored claim re-anchors and repaints in its colour', async () => {
    const page = await ext.openPage(server.url('reading/dark.html'));
    await waitForPaint(page, 3);
    const point = await pointOnClaim(page, 'Cutting the night-sky survey');
    await page.mouse.click(point.x, point.y);
    await waitForCard(page, true);
    await page.evaluate(() => {
      const root = document.querySelector('claimtrail-card')?.shadowRoot;
      [...(root?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.includes('Disputed'))?.click();
    });
    await page.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimtrail-disputed')?.size ?? 0) > 0);
    // The background has the review once the card's save went through; reload and look again.
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimtrail-disputed') ?? [])].some((range) =>
          range.toString().includes('Cutting the night-sky survey'),
        ),
      { timeout: 15_000, polling: 100 },
    );
    expect((await painted(page))['claimtrail-unreviewed'].some((range) => range.includes('Cutting the night-sky survey'))).toBe(false);
    expect(ext.errors(page)).toEqual([]);
  });

  it('removes every highlight when the site is switched off, and paints again when switched on', async () => {
    const page = await ext.openPage(server.url('reading/split-inline.html'));
    await waitForPaint(page, 1);
    const control = await ext.openExtensionPage('library.html');
    const setDisabledSites = (sites: string[]) =>
      control.evaluate(async (list: string[]) => {
        type StorageHost = { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
        const host = globalThis as unknown as { browser?: StorageHost; chrome?: StorageHost };
        await (host.browser ?? host.chrome)?.storage.local.set({ disabledSites: list });
      }, sites);
    await setDisabledSites(['127.0.0.1']);
    await page.waitForFunction(() => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('claimtrail-unreviewed'), { timeout: 10_000, polling: 50 });
    // Switched off means not observing either: new claims on the page stay unpainted.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'The port will reopen on Monday, a spokesman for the harbour police said.';
      document.querySelector('.story')?.append(p);
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(allClaims(await painted(page))).toEqual([]);
    await setDisabledSites([]);
    await waitForPaint(page, 2);
    await control.close();
    expect(ext.errors(page)).toEqual([]);
  });

  it('hides and shows highlights on the keyboard command’s message, and answers the popup', async () => {
    const page = await ext.openPage(server.url('reading/split-inline.html'));
    await waitForPaint(page, 2);
    const tabId = await ext.tabIdOf(page);
    const control = await ext.openExtensionPage('library.html');
    const send = (type: string) =>
      control.evaluate(
        async (id: number, messageType: string) => {
          type TabsHost = { tabs: { sendMessage(tab: number, message: unknown, options: { frameId: number }): Promise<{ ok: boolean; data: unknown }> } };
          const host = globalThis as unknown as { browser?: TabsHost; chrome?: TabsHost };
          return (host.browser ?? host.chrome)?.tabs.sendMessage(id, { ct: 1, type: messageType, data: null }, { frameId: 0 });
        },
        tabId,
        type,
      );
    expect(await send('highlights:toggle')).toMatchObject({ data: false });
    expect(allClaims(await painted(page))).toEqual([]);
    expect(await send('highlights:toggle')).toMatchObject({ data: true });
    await waitForPaint(page, 2);
    const answer = (await send('page:get-claims')) as { data: { kind: string; claims: { snapshot: { speaker: { name: string } | null; text: string } }[] } };
    expect(answer.data.kind).toBe('article');
    // In reading order, as the page shows them (the second speaker's name is the detector's business).
    expect(answer.data.claims).toHaveLength(2);
    expect(answer.data.claims[0]?.snapshot.speaker?.name).toBe('Dana Whitfield');
    expect(answer.data.claims[1]?.snapshot.text).toContain('fair and final');
    await control.close();
    expect(ext.errors(page)).toEqual([]);
  });

  it('does nothing on a page that is not an article', async () => {
    const page = await ext.openPage(server.url('reading/no-article.html'));
    await page.waitForSelector('html[data-claimtrail="ready"]');
    // The seed article in another tab is painted by now, so this tab's script has long finished.
    const probe = await ext.openPage(server.url('seed-article.html'));
    await waitForPaint(probe, 1);
    expect(allClaims(await painted(page))).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('claimtrail-card'))).toBeNull();
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(await sourceInnerHtml(page, 'body'));
    expect(ext.errors(page)).toEqual([]);
  });
});
