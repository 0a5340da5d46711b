// The popup in real browsers, against the real content script, background and database: the seed
// article's claims listed, two reviewed from the popup (one with a note), and after a reload the page
// repaints them in the verdict's highlight and the popup shows the same state. Plus axe in the real
// rendering engine (contrast included) and a note typed right before the popup closes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from './fixture-server';
import { BROWSERS, type ExtensionBrowser, type FixtureServer } from './harness';
import { WAIT } from './page-probes';
import { withExtensionBrowser } from './suite';

// The seed's seven expected claims; a quote continuing in the next sentence may be listed as one
// claim or two, so the popup shows five to seven items that together cover all seven.
const EXPECTED = JSON.parse(readFileSync(join(FIXTURES_DIR, 'seed-article.expected.json'), 'utf8')) as { claims: { content: string }[] };
const fold = (text: string) => text.replace(/[“”"‘’',.]/g, '').replace(/\s+/g, ' ').trim();
const MIN_CLAIMS = 5;

// Evaluated as a script (the extension page's CSP forbids an injected <script> tag).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const STATUS_NAMES = ['claimtrail-unreviewed', 'claimtrail-verified', 'claimtrail-disputed', 'claimtrail-changed'];

const VERIFIED_TEXT = 'ISIS will find a way to survive';
const DISPUTED_TEXT = 'see ISIS disappearing into thin air';
const NOTE = 'Contradicted by CENTCOM, 12 April';

/** Range texts per ClaimTrail highlight in the article's CSS.highlights registry. */
function highlightTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate((names: string[]) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return Object.fromEntries(names.map((name) => [name, [...(registry.get(name) ?? [])].map((range) => range.toString())]));
  }, STATUS_NAMES);
}

async function waitForHighlights(page: Page, name: string, text: string): Promise<void> {
  await page.waitForFunction(
    (highlight: string, needle: string) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return [...(registry.get(highlight) ?? [])].some((range) => range.toString().includes(needle));
    },
    WAIT,
    name,
    text,
  );
}

async function waitForClaims(popup: Page, atLeast: number): Promise<void> {
  await popup.waitForFunction((n: number) => document.querySelectorAll('.ct-claims > li').length >= n, WAIT, atLeast);
}

async function claimItem(popup: Page, text: string): Promise<ElementHandle<HTMLLIElement>> {
  for (const item of await popup.$$('.ct-claims > li')) {
    if ((await item.evaluate((li) => li.textContent ?? '')).includes(text)) return item;
  }
  throw new Error(`no claim in the popup contains "${text}"`);
}

async function pressed(item: ElementHandle<HTMLLIElement>): Promise<{ verified: string | null; disputed: string | null; note: string }> {
  return item.evaluate((li) => ({
    verified: li.querySelector('.ct-status__btn--verified')?.getAttribute('aria-pressed') ?? null,
    disputed: li.querySelector('.ct-status__btn--disputed')?.getAttribute('aria-pressed') ?? null,
    note: li.querySelector('textarea')?.value ?? '',
  }));
}

async function click(item: ElementHandle<HTMLLIElement>, selector: string): Promise<void> {
  const target = await item.$(selector);
  if (!target) throw new Error(`no ${selector} in the claim`);
  await target.click();
}


describe.each(BROWSERS)('popup in %s', (name) => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;
  withExtensionBrowser(name, (launched) => ({ ext, server } = launched));

  it('lists the seed claims, reviews two with a note, and shows the same after a reload', async () => {
    const article = await ext.openPage(server.url('seed-article.html'));
    await waitForHighlights(article, 'claimtrail-unreviewed', VERIFIED_TEXT);
    let popup = await ext.openPopupFor(article);
    await waitForClaims(popup, MIN_CLAIMS);

    const items = await popup.$$eval('.ct-claims > li', (lis) =>
      lis.map((li) => ({ speaker: li.querySelector('.ct-speaker__name')?.textContent ?? '', text: li.querySelector('.ct-claim__text')?.textContent ?? '' })),
    );
    const n = items.length;
    expect(n).toBeGreaterThanOrEqual(MIN_CLAIMS);
    expect(n).toBeLessThanOrEqual(EXPECTED.claims.length);
    expect(new Set(items.map((item) => item.speaker))).toEqual(new Set(['Ayad Allawi']));
    for (const { content } of EXPECTED.claims) {
      expect(items.some((item) => fold(item.text).includes(fold(content))), content).toBe(true);
    }
    expect(await popup.$eval('.popup__counts', (p) => p.textContent)).toBe(`${n} claims · 0 verified · 0 disputed · ${n} to review`);

    await click(await claimItem(popup, VERIFIED_TEXT), '.ct-status__btn--verified');
    const disputed = await claimItem(popup, DISPUTED_TEXT);
    await click(disputed, '.ct-status__btn--disputed');
    const note = await disputed.$('textarea');
    await note!.type(NOTE);
    await popup.waitForFunction(() => [...document.querySelectorAll('.ct-note__state')].some((state) => state.textContent === 'Saved'), WAIT);
    expect(await popup.$eval('.popup__counts', (p) => p.textContent)).toBe(`${n} claims · 1 verified · 1 disputed · ${n - 2} to review`);

    // The page repaints at once…
    await waitForHighlights(article, 'claimtrail-verified', VERIFIED_TEXT);
    await waitForHighlights(article, 'claimtrail-disputed', DISPUTED_TEXT);

    // …and after a reload, from storage.
    await article.reload({ waitUntil: 'load' });
    await waitForHighlights(article, 'claimtrail-verified', VERIFIED_TEXT);
    await waitForHighlights(article, 'claimtrail-disputed', DISPUTED_TEXT);
    const after = await highlightTexts(article);
    expect(after['claimtrail-unreviewed']!.some((text) => text.includes(VERIFIED_TEXT))).toBe(false);
    expect(after['claimtrail-unreviewed']!.some((text) => text.includes(DISPUTED_TEXT))).toBe(false);

    await popup.close();
    popup = await ext.openPopupFor(article);
    await waitForClaims(popup, n);
    expect(await pressed(await claimItem(popup, VERIFIED_TEXT))).toEqual({ verified: 'true', disputed: 'false', note: '' });
    expect(await pressed(await claimItem(popup, DISPUTED_TEXT))).toEqual({ verified: 'false', disputed: 'true', note: NOTE });
    expect(await popup.$eval('.popup__counts', (p) => p.textContent)).toBe(`${n} claims · 1 verified · 1 disputed · ${n - 2} to review`);
    expect(ext.errors(popup)).toEqual([]);
    await popup.close();
    await article.close();
  });

  it('keeps a note typed right before the popup closes', async () => {
    const article = await ext.openPage(server.url('seed-article.html'));
    await waitForHighlights(article, 'claimtrail-unreviewed', 'The discussion has started now');
    let popup = await ext.openPopupFor(article);
    await waitForClaims(popup, MIN_CLAIMS);
    const item = await claimItem(popup, 'The discussion has started now');
    await (await item.$('textarea'))!.type('Closed mid-wo');
    await popup.close();

    popup = await ext.openPopupFor(article);
    await waitForClaims(popup, MIN_CLAIMS);
    await popup.waitForFunction(
      () => [...document.querySelectorAll('textarea')].some((field) => field.value === 'Closed mid-wo'),
      WAIT,
    );
    await popup.close();
    await article.close();
  });

  it('turns highlighting off for the site and back on', async () => {
    const article = await ext.openPage(server.url('seed-article.html'));
    await waitForHighlights(article, 'claimtrail-unreviewed', 'The discussion has started now');
    const popup = await ext.openPopupFor(article);
    await waitForClaims(popup, MIN_CLAIMS);

    // A DOM click: Firefox's BiDi input sometimes calls the small checkbox "not clickable".
    const toggle = () => popup.$eval('.ct-switch input', (input) => (input as HTMLInputElement).click());
    await toggle();
    await popup.waitForFunction(() => document.querySelector('.ct-empty__title')?.textContent?.startsWith('Highlighting is off for'), WAIT);
    // The popup shows the switch at once; the page clears its highlights when it hears of it.
    await article.waitForFunction(
      (names: string[]) => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        return names.every((highlight) => (registry.get(highlight)?.size ?? 0) === 0);
      },
      WAIT,
      STATUS_NAMES,
    );

    await popup.waitForSelector('.ct-switch input');
    await toggle();
    await waitForClaims(popup, MIN_CLAIMS);
    await waitForHighlights(article, 'claimtrail-unreviewed', 'The discussion has started now');
    await popup.close();
    await article.close();
  });

  it('passes axe-core in the real rendering engine (light, and dark in Chromium)', async () => {
    const article = await ext.openPage(server.url('seed-article.html'));
    await waitForHighlights(article, 'claimtrail-unreviewed', 'The discussion has started now');
    const popup = await ext.openPopupFor(article);
    await waitForClaims(popup, MIN_CLAIMS);
    await popup.evaluate(AXE_SOURCE);
    // Puppeteer emulates media features over CDP only, so Firefox checks the light theme.
    for (const scheme of name === 'chromium' ? (['light', 'dark'] as const) : (['light'] as const)) {
      if (name === 'chromium') await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const violations = await popup.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document.body);
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, scheme).toEqual([]);
    }
    await popup.close();
    await article.close();
  });
});
