// The reading experience in real browsers: claims painted with CSS.highlights on the seed article and
// on fixtures for the hard cases, the review card with mouse and keyboard, and a page DOM left as is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, type FixtureServer } from './harness';
import { withExtensionBrowser } from './suite';
import { FIXTURES_DIR } from './fixture-server';
import {
  allPainted,
  cardText,
  clickInCard,
  messageTab,
  openCardOn,
  painted,
  pointOnClaim,
  seedWith,
  setExtensionStorage,
  storedClaims,
  WAIT,
  waitForCard,
  waitForPaintCount,
  waitForPainted,
} from './page-probes';

const expected = JSON.parse(readFileSync(join(FIXTURES_DIR, 'seed-article.expected.json'), 'utf8')) as {
  claims: { content: string }[];
  mustNotFlag: string[];
};

const fold = (text: string) => text.replace(/[“”"‘’']/g, '').replace(/\s+/g, ' ').trim();

/** A highlighted range covers the expected content (quote marks and spacing aside). */
function covers(ranges: string[], content: string): boolean {
  const want = fold(content);
  return ranges.some((range) => {
    const got = fold(range);
    return got.includes(want) || (want.includes(got) && got.length >= want.length * 0.8);
  });
}

/** The article's markup as the server sent it, parsed without running scripts. */
async function sourceInnerHtml(page: Page, selector: string): Promise<string> {
  return page.evaluate(async (css: string) => {
    const source = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(source, 'text/html').querySelector(css)?.innerHTML ?? 'missing';
  }, selector);
}

/** Tag and text of what has focus inside the card, or null when focus is not in it. */
function focusedInCard(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.querySelector('claimtrail-card')?.shadowRoot?.activeElement;
    return active ? `${active.tagName}:${active.textContent ?? ''}` : null;
  });
}

interface CardLayout {
  card: { top: number; bottom: number };
  verdictBottom: number;
  /** The open claim's lines. */
  claim: { top: number; bottom: number }[];
  viewport: number;
}

/** Where the open card and its claim's lines are, in viewport coordinates. */
async function cardLayout(page: Page): Promise<CardLayout> {
  const layout = await page.evaluate(() => {
    const root = document.querySelector('claimtrail-card')?.shadowRoot;
    const card = root?.querySelector('.ct-card')?.getBoundingClientRect();
    const verdict = [...(root?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.includes('Disputed'))?.getBoundingClientRect();
    const claim = [...(CSS.highlights.get('claimtrail-focus') ?? [])]
      .flatMap((range) => [...(range as Range).getClientRects()])
      .filter((rect) => rect.width > 0);
    return card && verdict
      ? {
          card: { top: card.top, bottom: card.bottom },
          verdictBottom: verdict.bottom,
          claim: claim.map((rect) => ({ top: rect.top, bottom: rect.bottom })),
          viewport: innerHeight,
        }
      : null;
  });
  if (!layout) throw new Error('no open card with verdict buttons');
  return layout;
}

/**
 * The layout a few frames from now: the card is placed again in the frame after the one that sees a
 * size change; five frames leave room for a slow one.
 */
async function settledCardLayout(page: Page): Promise<CardLayout> {
  await page.evaluate(async () => {
    for (let frame = 0; frame < 5; frame++) await new Promise((done) => requestAnimationFrame(done));
  });
  return cardLayout(page);
}

/** The card covers none of the claim's lines and sits right above or below them; `inView`: wholly in the viewport. */
function expectBesideClaim({ card, claim, viewport }: CardLayout, inView = true): void {
  expect(claim.length).toBeGreaterThan(0);
  for (const line of claim) expect(line.bottom <= card.top || line.top >= card.bottom, `claim line ${line.top}–${line.bottom} under the card ${card.top}–${card.bottom}`).toBe(true);
  // An 8 px gap, give or take the 4 px the card slides in by when it opens.
  const top = Math.min(...claim.map((line) => line.top));
  const bottom = Math.max(...claim.map((line) => line.bottom));
  expect(Math.min(Math.abs(top - card.bottom), Math.abs(card.top - bottom)), `card ${card.top}–${card.bottom} beside claim ${top}–${bottom}`).toBeLessThanOrEqual(13);
  if (!inView) return;
  expect(card.top).toBeGreaterThanOrEqual(0);
  expect(card.bottom).toBeLessThanOrEqual(viewport);
}

/** Presses Alt+Shift+`key` (the in-page claim keys). */
async function altShift(page: Page, key: 'KeyN' | 'KeyP'): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press(key);
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

describe.each(BROWSERS)('reading in %s', (name) => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  withExtensionBrowser(name, (launched) => ({ ext, server } = launched));

  it('paints the seed article’s claims, and nothing from the sidebar, footer or licence', async () => {
    const page = await ext.openPage(server.url('seed-article.html'));
    await waitForPaintCount(page, 5);
    const claims = allPainted(await painted(page));
    for (const claim of expected.claims) expect(covers(claims, claim.content), claim.content).toBe(true);
    for (const phrase of expected.mustNotFlag) {
      expect(claims.filter((range) => range.includes(phrase) || phrase.includes(range)), phrase).toEqual([]);
    }
    expect(await page.evaluate(() => document.querySelector('article')?.innerHTML)).toBe(await sourceInnerHtml(page, 'article'));
    expect(ext.errors(page)).toEqual([]);
  });

  it('opens the card on a click, repaints a verdict at once, and leaves the article DOM untouched', async () => {
    const page = await ext.openPage(server.url('seed-article.html'));
    await waitForPaintCount(page, 5);
    await openCardOn(page, 'The discussion has started now');
    expect(await cardText(page)).toMatch(/Ayad Allawi[\s\S]*The discussion has started now/);
    expect((await painted(page))['claimtrail-focus'].join(' ')).toContain('The discussion has started now');

    await clickInCard(page, 'Verified');
    await waitForPainted(page, 'The discussion has started now', 'claimtrail-verified');
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

  it('opens the card next to the claim, not over it, in a window too short for the whole card on either side', async () => {
    const page = await ext.openPage(server.url('seed-article.html'));
    // Puppeteer's default window: the seed's three-line quote, scrolled to the middle, leaves about 270 px above and below it.
    await page.setViewport({ width: 800, height: 600 });
    await waitForPaintCount(page, 5);
    await openCardOn(page, 'The discussion has started now');
    const layout = await settledCardLayout(page);
    expectBesideClaim(layout);
    // Shorter, not squashed: the verdict buttons are in view without scrolling inside the card.
    expect(layout.card.bottom - layout.card.top).toBeGreaterThanOrEqual(200);
    expect(layout.verdictBottom).toBeLessThanOrEqual(layout.card.bottom);
    expect(ext.errors(page)).toEqual([]);
  });

  it('keeps the open card off its claim when the card grows, the page above it grows, or the window narrows', async () => {
    const page = await ext.openPage(server.url('seed-article.html'));
    await page.setViewport({ width: 1000, height: 800 });
    await waitForPaintCount(page, 5);
    // The claim low in the window, so the card opens above it: growing, it must not reach down over the claim.
    const point = await pointOnClaim(page, 'The discussion has started now', 'end');
    await page.mouse.click(point.x, point.y);
    await waitForCard(page, true);
    const opened = await cardLayout(page);
    expect(opened.card.bottom).toBeLessThan(Math.min(...opened.claim.map((line) => line.top)));
    expectBesideClaim(opened);

    // The card grows (as when an error or a longer note appears).
    await page.evaluate(() => {
      const grown = document.createElement('p');
      grown.style.height = '120px';
      document.querySelector('claimtrail-card')?.shadowRoot?.querySelector('.ct-card')?.prepend(grown);
    });
    const grown = await settledCardLayout(page);
    expect(grown.card.bottom - grown.card.top).toBeGreaterThan(opened.card.bottom - opened.card.top);
    expectBesideClaim(grown);

    // Something loads above the claim and pushes it down.
    await page.evaluate(() => {
      const banner = document.createElement('div');
      banner.style.height = '90px';
      document.querySelector('article p')?.before(banner);
    });
    const pushed = await settledCardLayout(page);
    expect(pushed.claim[0]?.top).toBeGreaterThan((grown.claim[0]?.top ?? 0) + 80);
    expectBesideClaim(pushed);

    // The window narrows: the claim wraps onto more lines, and the text above pushes it below the
    // window's bottom; the card goes along with it.
    await page.setViewport({ width: 640, height: 800 });
    await page.waitForFunction(() => innerWidth === 640, WAIT);
    const narrowed = await settledCardLayout(page);
    expect(narrowed.claim.length).toBeGreaterThan(pushed.claim.length);
    expectBesideClaim(narrowed, false);
    expect(ext.errors(page)).toEqual([]);
  });

  it('is usable from the keyboard: focus moves into the card, Tab stays in reach, Escape returns focus', async () => {
    const page = await ext.openPage(server.url('seed-article.html'));
    await waitForPaintCount(page, 5);
    await page.focus('nav a[href="/world"]');
    const point = await pointOnClaim(page, 'ISIS will find a way to survive');
    // A click event that does not move focus, so "where focus was" is the link.
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y);
      target?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0 }));
    }, point);
    await waitForCard(page, true);
    expect(await focusedInCard(page)).toMatch(/^SECTION/);
    await page.keyboard.press('Tab');
    expect(await focusedInCard(page)).toBe('BUTTON:×');
    await page.keyboard.press('Tab');
    expect(await focusedInCard(page)).toBe('BUTTON:✓ Verified');
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/world');
    expect(ext.errors(page)).toEqual([]);
  });

  it('opens claims without a mouse: Alt+Shift+N / Alt+Shift+P move from card to card, Enter sets a verdict', async () => {
    const page = await ext.openPage(server.url('seed-article.html'));
    await waitForPaintCount(page, 7);
    await page.focus('nav a[href="/world"]');
    await altShift(page, 'KeyN');
    await waitForCard(page, true);
    // The card takes focus (a dialog named by the speaker) and says where the reader is.
    expect(await focusedInCard(page)).toMatch(/^SECTION/);
    expect(await cardText(page)).toMatch(/Ayad Allawi/);
    const position = /Claim 1 of (\d+) · Alt\+Shift\+N next, Alt\+Shift\+P previous/.exec((await cardText(page)) ?? '');
    const total = Number(position?.[1]);
    expect(total).toBeGreaterThanOrEqual(2);
    const first = (await painted(page))['claimtrail-focus'].join(' ');
    expect(first).not.toBe('');

    await altShift(page, 'KeyN');
    await page.waitForFunction((want: string) => document.querySelector('claimtrail-card')?.shadowRoot?.textContent?.includes(want), WAIT, `Claim 2 of ${total}`);
    expect(await focusedInCard(page)).toMatch(/^SECTION/);
    const second = (await painted(page))['claimtrail-focus'].join(' ');
    expect(second).not.toBe(first);
    const secondClaim = allPainted(await painted(page)).find((range) => second.includes(range)) ?? '';
    expect(secondClaim).not.toBe('');

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedInCard(page)).toBe('BUTTON:✓ Verified');
    await page.keyboard.press('Enter');
    await waitForPainted(page, secondClaim, 'claimtrail-verified');

    await altShift(page, 'KeyP');
    await page.waitForFunction((want: string) => document.querySelector('claimtrail-card')?.shadowRoot?.textContent?.includes(want), WAIT, `Claim 1 of ${total}`);
    expect((await painted(page))['claimtrail-focus'].join(' ')).toBe(first);
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/world');
    expect(await page.evaluate(() => document.querySelector('article')?.innerHTML)).toBe(await sourceInnerHtml(page, 'article'));
    expect(ext.errors(page)).toEqual([]);
  });

  it('on a page with thousands of claims paints those near the viewport and follows scrolling', async () => {
    const paragraph = (index: number) => `<p>The committee will publish finding ${index} in the spring, the chairman said on Tuesday.</p>`;
    const paragraphs = Array.from({ length: 2_000 }, (_, index) => paragraph(index)).join('');
    server.route('/reading/many-claims.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Many</title></head><body><article><h1>Many</h1>${paragraphs}</article></body></html>`);
    const page = await ext.openPage(server.url('reading/many-claims.html'));
    await waitForPainted(page, 'finding 0 in the spring');
    const near = allPainted(await painted(page));
    expect(near.length).toBeGreaterThan(5);
    expect(near.length).toBeLessThan(1_000);
    expect(near.some((range) => range.includes('finding 1999 '))).toBe(false);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await waitForPainted(page, 'finding 1999 in the spring');
    expect(allPainted(await painted(page)).some((range) => range.includes('finding 0 '))).toBe(false);
    // With no card open, Alt+Shift+P opens the last claim in view.
    await altShift(page, 'KeyP');
    await waitForCard(page, true);
    expect(await cardText(page)).toContain('finding 1999 in the spring');
    // A claim in the middle, whose Ranges are built only once it nears the viewport: a click finds
    // it, its card opens, and a verdict repaints it.
    await page.evaluate(() => [...document.querySelectorAll('p')].find((p) => p.textContent?.includes('finding 1000 '))?.scrollIntoView({ block: 'center' }));
    await waitForPainted(page, 'finding 1000 in the spring');
    await openCardOn(page, 'finding 1000 in the spring');
    expect(await cardText(page)).toContain('finding 1000 in the spring');
    await clickInCard(page, 'Verified');
    await waitForPainted(page, 'finding 1000 in the spring', 'claimtrail-verified');
    expect(ext.errors(page)).toEqual([]);
  });

  it('paints a claim split across <a> and <em> as one exact range', async () => {
    const page = await ext.openPage(server.url('reading/split-inline.html'));
    await waitForPaintCount(page, 1);
    const claims = allPainted(await painted(page));
    expect(covers(claims, 'The authority has not moved an inch on pensions, and our members will stay out until it does,')).toBe(true);
    expect(covers(claims, 'latest offer was fair and final')).toBe(true);
    expect(await page.evaluate(() => document.querySelector('article')?.innerHTML)).toBe(await sourceInnerHtml(page, 'article'));
  });

  it('reviews a quotation running on into the next paragraph as one claim', async () => {
    const page = await ext.openPage(server.url('reading/continued-quote.html'));
    await waitForPainted(page, 'We are hiring again');
    // Opened from the second paragraph, the card shows the statement from its start, and one verdict covers both.
    await openCardOn(page, 'We are hiring again');
    const text = await cardText(page);
    expect(text).toContain('Prices for our bottles are falling');
    expect(text).toContain('We are hiring again');
    await clickInCard(page, 'Verified');
    await waitForPainted(page, 'Prices for our bottles are falling', 'claimtrail-verified');
    await waitForPainted(page, 'We are hiring again', 'claimtrail-verified');
    // No part of the statement is left waiting for a verdict of its own (the owners' announcement is).
    expect((await painted(page))['claimtrail-unreviewed'].filter((range) => /hiring|bottles|better/.test(range))).toEqual([]);
    expect(ext.errors(page)).toEqual([]);
  });

  it('follows a page that appends paragraphs and drops highlights of removed text', async () => {
    const page = await ext.openPage(server.url('reading/append.html'));
    await waitForPaintCount(page, 1);
    expect(covers(allPainted(await painted(page)), 'evacuation centres were open in three towns')).toBe(true);
    await page.evaluate(() => (window as unknown as { appendUpdate(): boolean }).appendUpdate());
    await waitForPainted(page, 'could peak higher', 'claimtrail-unreviewed');
    await page.evaluate(() => (window as unknown as { removeFirstUpdate(): void }).removeFirstUpdate());
    // Removed text collapses its live ranges at once (to ""); the repaint then drops them from the highlight.
    await expect
      .poll(async () => (await painted(page))['claimtrail-unreviewed'], { timeout: WAIT.timeout })
      .toSatisfy((ranges: string[]) => ranges.length > 0 && ranges.every((range) => range !== '' && !range.includes('evacuation centres')));
    expect(ext.errors(page)).toEqual([]);
  });

  it('paints the claims a page inserts into a long story while its first pass runs', async () => {
    const late = ['ferry', 'bridge', 'harbour', 'tunnel'].map((place, index) => `The ${place} will reopen within ${index + 2} days, a spokesman for the county council said.`);
    // A long article (its first pass takes 0.5-1 s) whose script inserts claims at the top of the story
    // 40-100 ms after the content script announces itself: during the pass, before or after it has read
    // the top depending on how long finding the article took (so this does not always tell a page
    // observed from the start from one observed after the first pass: the session's unit test does).
    const filler = Array.from({ length: 3000 }, (_, index) => `<p>Section ${index} of the storm log lists the roads that were closed, the bus routes that were changed and the shelters that were opened in the county.</p>`).join('');
    server.route(
      '/reading/hydrating.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Storm closes crossings</title>
      <meta property="og:type" content="article"></head><body><article><h1>Storm closes crossings</h1>
      <p id="lede">The storm closed every crossing in the county overnight, the coastguard said on Tuesday.</p>${filler}</article>
      <script>
        const late = ${JSON.stringify(late)};
        new MutationObserver((_, observer) => {
          if (!document.documentElement.dataset.claimtrail) return;
          observer.disconnect();
          late.forEach((text, index) => setTimeout(() => {
            const p = document.createElement('p');
            p.textContent = text;
            document.getElementById('lede').after(p);
          }, 40 + 20 * index));
        }).observe(document.documentElement, { attributes: true });
      </script></body></html>`,
    );
    const page = await ext.openPage(server.url('reading/hydrating.html'));
    for (const text of late) await waitForPainted(page, text.slice(0, text.indexOf(',')));
    expect(covers(allPainted(await painted(page)), 'The storm closed every crossing in the county overnight')).toBe(true);
    expect(ext.errors(page)).toEqual([]);
  });

  it('starts over when a single-page app swaps the article (history.pushState)', async () => {
    const page = await ext.openPage(server.url('reading/spa.html'));
    await waitForPaintCount(page, 1);
    expect(covers(allPainted(await painted(page)), 'This line will take ten thousand cars off our streets every day')).toBe(true);
    await page.evaluate(() => (window as unknown as { navigateTo(key: string): void }).navigateTo('schools'));
    await waitForPainted(page, 'Hungry children cannot learn', 'claimtrail-unreviewed');
    const claims = allPainted(await painted(page));
    expect(claims.some((range) => range.includes('ten thousand cars'))).toBe(false);
    expect(ext.errors(page)).toEqual([]);
  });

  it('keeps a verdict across a reload: the stored claim re-anchors and repaints in its colour', async () => {
    const page = await ext.openPage(server.url('reading/dark.html'));
    await waitForPaintCount(page, 3);
    await openCardOn(page, 'Cutting the night-sky survey');
    await clickInCard(page, 'Disputed');
    await waitForPainted(page, 'Cutting the night-sky survey', 'claimtrail-disputed');
    // The background has the review once the card's save went through; reload and look again.
    await page.reload({ waitUntil: 'load' });
    await waitForPainted(page, 'Cutting the night-sky survey', 'claimtrail-disputed');
    expect((await painted(page))['claimtrail-unreviewed'].some((range) => range.includes('Cutting the night-sky survey'))).toBe(false);
    expect(ext.errors(page)).toEqual([]);
  });

  it('removes every highlight when the site is switched off, and paints again when switched on', async () => {
    const page = await ext.openPage(server.url('reading/split-inline.html'));
    await waitForPaintCount(page, 1);
    const control = await ext.openExtensionPage('library.html');
    await setExtensionStorage(control, { disabledSites: ['127.0.0.1'] });
    await expect.poll(async () => allPainted(await painted(page)), { timeout: WAIT.timeout }).toEqual([]);
    // Switched off means not observing either: new claims on the page stay unpainted.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'The port will reopen on Monday, a spokesman for the harbour police said.';
      document.querySelector('.story')?.append(p);
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(allPainted(await painted(page))).toEqual([]);
    await setExtensionStorage(control, { disabledSites: [] });
    await waitForPaintCount(page, 2);
    await control.close();
    expect(ext.errors(page)).toEqual([]);
  });

  it('paints nothing in any frame and tells the background nothing on a site switched off before the page loads', async () => {
    // The page learns of the switches from the background's first answer, while it detects: nothing may show before.
    server.route(
      '/switched-off.html',
      seedWith(readFileSync(join(FIXTURES_DIR, 'seed-article.html'), 'utf8'), {
        head: `<script>
          window.__ctFrames = { seen: 0, painted: 0 };
          (function count() {
            let ranges = 0;
            for (const [name, highlight] of CSS.highlights) if (name.startsWith('claimtrail-')) ranges += highlight.size;
            window.__ctFrames.seen += 1;
            if (ranges > 0) window.__ctFrames.painted += 1;
            requestAnimationFrame(count);
          })();
        </script>`,
      }),
    );
    const control = await ext.openExtensionPage('library.html');
    // "Remember all claims" would store every detected claim of a page the background hears of.
    await setExtensionStorage(control, { disabledSites: ['127.0.0.1'], rememberAllClaims: true });
    try {
      const page = await ext.openPage(server.url('switched-off.html'));
      // Answered once the first pass has ended (the popup's question).
      expect(await messageTab(control, await ext.tabIdOf(page), 'page:get-claims')).toMatchObject({ data: { kind: 'disabled', claims: [] } });
      const frames = await page.evaluate(() => (window as unknown as { __ctFrames: { seen: number; painted: number } }).__ctFrames);
      expect(frames.seen).toBeGreaterThan(1);
      expect(frames.painted).toBe(0);
      expect((await storedClaims(ext)).filter((claim) => claim.pageUrl.includes('switched-off'))).toEqual([]);
      // Switched back on, the same tab paints: nothing above passed for want of an article.
      await setExtensionStorage(control, { disabledSites: [] });
      await waitForPaintCount(page, 5);
      expect(ext.errors(page)).toEqual([]);
    } finally {
      await setExtensionStorage(control, { disabledSites: [], rememberAllClaims: false });
      await control.close();
    }
  });

  it('hides and shows highlights on the keyboard command’s message, and answers the popup', async () => {
    const page = await ext.openPage(server.url('reading/split-inline.html'));
    await waitForPaintCount(page, 2);
    const tabId = await ext.tabIdOf(page);
    const control = await ext.openExtensionPage('library.html');
    const send = (type: string) => messageTab(control, tabId, type);
    expect(await send('highlights:toggle')).toMatchObject({ data: false });
    expect(allPainted(await painted(page))).toEqual([]);
    expect(await send('highlights:toggle')).toMatchObject({ data: true });
    await waitForPaintCount(page, 2);
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
    await waitForPaintCount(probe, 1);
    expect(allPainted(await painted(page))).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('claimtrail-card'))).toBeNull();
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(await sourceInnerHtml(page, 'body'));
    expect(ext.errors(page)).toEqual([]);
  });
});
