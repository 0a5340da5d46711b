// The library in real browsers, against the real content script, background and database: two seed
// claims reviewed from the popup appear in the library; every export format is captured as the file
// the user would get and checked; all data is cleared; the JSON backup is imported; the same library
// is back. Plus axe in the real rendering engine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, type FixtureServer } from './harness';
import { chooseImportFile, WAIT } from './page-probes';
import { withExtensionBrowser } from './suite';

// Evaluated rather than added as a <script>: the extension page's CSP allows only its own scripts.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const VERIFIED_TEXT = 'ISIS will find a way to survive';
const DISPUTED_TEXT = 'see ISIS disappearing into thin air';
const NOTE = 'Contradicted by CENTCOM, <b>12 April</b> =1+1';

interface LibraryRow {
  speaker: string;
  text: string;
  verified: string | null;
  disputed: string | null;
  note: string;
  link: string;
}

function libraryRows(library: Page): Promise<LibraryRow[]> {
  return library.$$eval('.lib-row', (rows) =>
    rows.map((row) => ({
      speaker: row.querySelector('.ct-speaker__name')?.textContent ?? '',
      text: row.querySelector('.ct-claim__text')?.textContent ?? '',
      verified: row.querySelector('.ct-status__btn--verified')?.getAttribute('aria-pressed') ?? null,
      disputed: row.querySelector('.ct-status__btn--disputed')?.getAttribute('aria-pressed') ?? null,
      note: row.querySelector('textarea')?.value ?? '',
      link: row.querySelector('a')?.getAttribute('href') ?? '',
    })),
  );
}

/**
 * Catches the file a click on Export saves: the library saves through an object URL and an
 * <a download> click, so the click is intercepted there and the Blob behind the URL is read back.
 * (No download directory is involved, so this works the same in both browsers.)
 */
async function captureDownloads(library: Page): Promise<void> {
  await library.evaluate(() => {
    const files: { name: string; type: string; text: string; head: number[] }[] = [];
    (window as unknown as { __downloads: typeof files }).__downloads = files;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      if (!this.download) return;
      const { download, href } = this;
      void fetch(href).then(async (response) => {
        const blob = await response.blob();
        // blob.text() drops a byte order mark, so the first bytes are kept as they are.
        files.push({ name: download, type: blob.type, text: await blob.text(), head: [...new Uint8Array(await blob.slice(0, 3).arrayBuffer())] });
      });
    };
  });
}

async function exportAs(library: Page, format: string): Promise<{ name: string; type: string; text: string; head: number[] }> {
  const before = await library.evaluate(() => (window as unknown as { __downloads: unknown[] }).__downloads.length);
  await library.select('.lib-export select', format);
  await library.click('.lib-export button');
  await library.waitForFunction((n: number) => (window as unknown as { __downloads: unknown[] }).__downloads.length > n, WAIT, before);
  return library.evaluate((n: number) => (window as unknown as { __downloads: { name: string; type: string; text: string; head: number[] }[] }).__downloads[n]!, before);
}

async function reviewOnSeedArticle(ext: ExtensionBrowser, server: FixtureServer): Promise<void> {
  const article = await ext.openPage(server.url('seed-article.html'));
  await article.waitForSelector('html[data-claimtrail="ready"]', WAIT);
  const popup = await ext.openPopupFor(article);
  await popup.waitForFunction(
    (a: string, b: string) => [a, b].every((text) => [...document.querySelectorAll('.ct-claims > li')].some((li) => li.textContent?.includes(text))),
    WAIT,
    VERIFIED_TEXT,
    DISPUTED_TEXT,
  );
  const item = async (text: string) => {
    for (const li of await popup.$$('.ct-claims > li')) {
      if ((await li.evaluate((el) => el.textContent ?? '')).includes(text)) return li;
    }
    throw new Error(`no claim contains ${text}`);
  };
  await (await (await item(VERIFIED_TEXT)).$('.ct-status__btn--verified'))!.click();
  const disputed = await item(DISPUTED_TEXT);
  await (await disputed.$('.ct-status__btn--disputed'))!.click();
  await (await disputed.$('textarea'))!.type(NOTE);
  await popup.waitForFunction(() => [...document.querySelectorAll('.ct-note__state')].some((s) => s.textContent === 'Saved'), WAIT);
  await popup.close();
  await article.close();
}

describe.each(BROWSERS)('library in %s', (name) => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;
  withExtensionBrowser(name, (launched) => ({ ext, server } = launched));

  it('lists reviewed claims, exports every format, and a cleared library comes back from its JSON export', async () => {
    await reviewOnSeedArticle(ext, server);
    const library = await ext.openExtensionPage('library.html');
    await library.waitForFunction(() => document.querySelectorAll('.lib-row').length === 2, WAIT);
    const rows = await libraryRows(library);
    // Newest first: the disputed claim was reviewed last.
    expect(rows.map((r) => [r.speaker, r.verified, r.disputed, r.note])).toEqual([
      ['Ayad Allawi', 'false', 'true', NOTE],
      ['Ayad Allawi', 'true', 'false', ''],
    ]);
    expect(rows[0]!.text).toContain(DISPUTED_TEXT);
    expect(rows[1]!.text).toContain(VERIFIED_TEXT);
    expect(rows[1]!.link).toMatch(/seed-article\.html#:~:text=/);

    await captureDownloads(library);
    const day = /^claimtrail-\d{4}-\d{2}-\d{2}-library/;

    const csv = await exportAs(library, 'csv');
    expect(csv.name).toMatch(new RegExp(`${day.source}\\.csv$`));
    expect(csv.head).toEqual([0xef, 0xbb, 0xbf]);
    const csvLines = csv.text.replace(/^\ufeff/, '').split('\r\n');
    expect(csvLines[0]).toBe('Page URL,Page title,Site,Speaker,Role,Cue,Kind,Claim,Status,Note,Reviewed at,Detected at');
    expect(csvLines.filter(Boolean)).toHaveLength(3);
    expect(csv.text).toContain(`"${NOTE}"`);
    expect(csvLines.some((line) => line.includes(',Ayad Allawi,') && line.includes(',verified,'))).toBe(true);

    const markdown = await exportAs(library, 'markdown');
    expect(markdown.name).toMatch(new RegExp(`${day.source}\\.md$`));
    expect(markdown.text).toMatch(/^# ClaimTrail export\n\nExported .* · 2 claims on 1 page\n\n## \[/);
    expect(markdown.text).toContain('Note: Contradicted by CENTCOM, \\<b\\>12 April\\</b\\> =1+1');
    expect(markdown.text).toContain('✓ Verified');
    expect(markdown.text).toContain('✗ Disputed');

    const json = await exportAs(library, 'json');
    expect(json.name).toMatch(new RegExp(`${day.source}\\.json$`));
    const backup = JSON.parse(json.text);
    expect(backup).toMatchObject({ format: 'claimtrail', version: 1 });
    expect(backup.claims).toHaveLength(2);
    expect(backup.reviews.length).toBeGreaterThanOrEqual(3);

    const w3c = await exportAs(library, 'w3c');
    expect(w3c.name).toMatch(new RegExp(`${day.source}-annotations\\.jsonld$`));
    const collection = JSON.parse(w3c.text);
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.items.map((a: { motivation: string; body: { purpose: string; value: string }[] }) => [a.motivation, a.body.map((b) => `${b.purpose}:${b.value}`)])).toEqual([
      ['assessing', ['assessing:disputed', `commenting:${NOTE}`, 'identifying:Ayad Allawi']],
      ['assessing', ['assessing:verified', 'identifying:Ayad Allawi']],
    ]);
    expect(collection.first.items[0].target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);

    const claimReview = await exportAs(library, 'claimreview');
    const graph = JSON.parse(claimReview.text)['@graph'];
    expect(graph.map((r: { reviewRating: { alternateName: string } }) => r.reviewRating.alternateName)).toEqual(['Disputed', 'Verified']);
    expect(graph[0].itemReviewed.author).toEqual({ '@type': 'Person', name: 'Ayad Allawi', jobTitle: expect.any(String) });

    // Clear all data, with confirmation.
    await library.click('nav .lib-tab:nth-child(3)');
    await library.waitForSelector('.lib-danger button');
    await library.click('.lib-danger button');
    await library.waitForSelector('dialog[open] .lib-button--danger');
    await library.click('dialog[open] .lib-button--danger');
    await library.waitForFunction(() => !document.querySelector('dialog[open]') && document.body.textContent?.includes('All ClaimTrail data was deleted'), WAIT);
    await library.click('nav .lib-tab:nth-child(1)');
    await library.waitForFunction(() => document.querySelectorAll('.lib-row').length === 0 && document.body.textContent?.includes('No claims tracked yet'), WAIT);

    // Import the JSON backup: preview first, then the same library.
    await chooseImportFile(library, json.text);
    await library.waitForSelector('dialog[open]', WAIT);
    expect(await library.$eval('dialog[open]', (d) => d.textContent)).toContain('2 claims on 1 page: 2 new, 0 already here');
    await library.click('dialog[open] .lib-button--primary');
    await library.waitForFunction(() => document.querySelectorAll('.lib-row').length === 2, WAIT);
    expect(await libraryRows(library)).toEqual(rows);
    const again = JSON.parse((await exportAs(library, 'json')).text);
    expect({ ...again, exportedAt: null }).toEqual({ ...backup, exportedAt: null });

    // A note typed in the library follows the same review rule as the popup's: saved, one more history entry.
    const verifiedNote = (await library.$$('.lib-row textarea'))[1]!;
    // Set in one input event: typed key by key on a loaded machine, a pause past the debounce would save twice.
    await verifiedNote.evaluate((field) => {
      field.focus();
      field.value = 'Checked with the AP transcript';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await library.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Saved, it is the most recently reviewed claim: it moves to the top of the list.
    await library.waitForFunction(() => {
      const top = document.querySelector('.lib-row');
      return top?.querySelector('textarea')?.value === 'Checked with the AP transcript' && top.querySelector('.ct-status__btn--verified')?.getAttribute('aria-pressed') === 'true';
    }, WAIT);
    const edited = JSON.parse((await exportAs(library, 'json')).text) as typeof backup;
    const verifiedClaim = edited.claims.find((c: { status: string }) => c.status === 'verified');
    expect(verifiedClaim.note).toBe('Checked with the AP transcript');
    expect(edited.reviews).toHaveLength(backup.reviews.length + 1);
    expect(edited.reviews.at(-1)).toMatchObject({ claimId: verifiedClaim.id, at: verifiedClaim.reviewedAt, to: { status: 'verified', note: 'Checked with the AP transcript' } });

    expect(ext.errors(library)).toEqual([]);
    expect(ext.extensionErrors()).toEqual([]);
    await library.close();
  });

  it('passes axe-core in the real rendering engine (light and, in Chromium, dark)', async () => {
    const library = await ext.openExtensionPage('library.html');
    // After the first test the library holds the imported claims; run alone, it shows its empty state.
    await library.waitForSelector('.lib-row, .ct-empty', WAIT);
    await library.evaluate(AXE_SOURCE);
    // Firefox over WebDriver BiDi cannot emulate the colour scheme; it checks the default (light) one.
    for (const scheme of name === 'chromium' ? (['light', 'dark'] as const) : (['light'] as const)) {
      if (name === 'chromium') await library.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const violations = await library.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document.body);
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, scheme).toEqual([]);
    }
    await library.close();
  });
});
