import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BROWSERS, EXTENSION_DIRS, type ExtensionBrowser, type FixtureServer } from './harness';
import { withExtensionBrowser } from './suite';

describe.each(BROWSERS)('foundation in %s', (name) => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  withExtensionBrowser(name, (launched) => ({ ext, server } = launched));

  it('runs the content script on the seed article', async () => {
    const page = await ext.openPage(server.url('seed-article.html'));
    await page.waitForSelector('html[data-claimtrail="ready"]');
    expect(ext.errors(page)).toEqual([]);
  });

  it('leaves pages outside http(s) alone', async () => {
    const page = await ext.openPage('data:text/html,<title>data</title><p>Not an http page.</p>');
    // The load event has fired and document_idle has passed once a fixture page in another tab is ready.
    const probe = await ext.openPage(server.url('seed-article.html'));
    await probe.waitForSelector('html[data-claimtrail="ready"]');
    expect(await page.evaluate(() => document.documentElement.dataset.claimtrail)).toBeUndefined();
  });

  it('renders the popup for the article tab', async () => {
    const article = await ext.openPage(server.url('seed-article.html'));
    const tabId = await ext.tabIdOf(article);
    const popup = await ext.openPopupFor(article);
    expect(await popup.evaluate(() => location.search)).toBe(`?tab=${tabId}`);
    // Which heading it shows depends on the page's state (claims, none, not an article); any means it rendered.
    const heading = await popup.waitForSelector('main :is(h1, h2)');
    expect((await heading?.evaluate((h) => h.textContent?.trim()))?.length).toBeGreaterThan(0);
    expect(ext.errors(popup)).toEqual([]);
    expect(ext.extensionErrors()).toEqual([]);
  });

  it('renders the library page', async () => {
    const library = await ext.openExtensionPage('library.html');
    await library.waitForSelector('h1');
    expect(await library.$eval('h1', (h1) => h1.textContent)).toMatch(/ClaimTrail/);
    expect(ext.errors(library)).toEqual([]);
    expect(ext.extensionErrors()).toEqual([]);
  });

  it('reports page errors, so the error checks above can fail', async () => {
    server.route('/noisy.html', '<!doctype html><title>noisy</title><script>console.error("boom"); throw new Error("kaboom")</script>');
    const page = await ext.openPage(server.url('noisy.html'));
    await expect.poll(() => ext.errors(page).join('\n')).toMatch(/boom[\s\S]*kaboom/);
  });

  // Last in the file: it leaves an error behind in extensionErrors().
  it('reports errors thrown in extension pages, so the extension error checks can fail', async () => {
    const library = await ext.openExtensionPage('library.html');
    await library.evaluate(() => {
      setTimeout(() => {
        throw new Error('planted extension error');
      });
    });
    await expect.poll(() => ext.extensionErrors().join('\n')).toMatch(/planted extension error/);
  });
});

describe('Firefox build', () => {
  // web-ext lint parses every bundle; on a busy 2-core machine that alone can take a minute.
  it('passes web-ext lint without errors', { timeout: 180_000 }, async () => {
    const webExt = fileURLToPath(new URL('../../node_modules/.bin/web-ext', import.meta.url));
    const { stdout } = await promisify(execFile)(
      webExt,
      ['lint', '--source-dir', EXTENSION_DIRS.firefox, '--output', 'json', '--no-config-discovery'],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as { errors: Array<{ code: string; file?: string; message: string }> };
    expect(report.errors).toEqual([]);
  });
});

describe('README permissions table', () => {
  // The README's table is the reviewed list; a permission added to the manifest must be explained there.
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const table = /<!-- permissions:start -->([\s\S]*?)<!-- permissions:end -->/.exec(readme)?.[1] ?? '';
  const rows = table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| permission'));
  const codes = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
  const firstCell = (row: string) => row.split('|')[1] ?? '';
  const documentedPermissions = rows.filter((row) => !firstCell(row).includes('content script')).flatMap((row) => codes(firstCell(row)));
  const documentedMatches = rows.filter((row) => firstCell(row).includes('content script')).flatMap((row) => codes(firstCell(row)));

  it.each(['chromium', 'firefox'] as const)('matches the %s manifest', (name) => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIRS[name], 'manifest.json'), 'utf8')) as {
      permissions?: string[];
      host_permissions?: string[];
      optional_permissions?: string[];
      content_scripts?: Array<{ matches: string[] }>;
    };
    expect(documentedPermissions.length).toBeGreaterThan(0);
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...documentedPermissions].sort());
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    const matches = new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches));
    expect([...matches].sort()).toEqual([...documentedMatches].sort());
  });
});
