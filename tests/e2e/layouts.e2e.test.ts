// Real-world page layouts (tests/fixtures/layouts) in real browsers: the claims of the story are
// painted, and nothing from the page furniture (or the story's unattributed narration) is; a page
// that is not an article (a front page of teasers) is recognised as such and left alone.
import { describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, type FixtureServer } from './harness';
import { withExtensionBrowser } from './suite';
import { allPainted, pageKind, painted, WAIT } from './page-probes';
import { covers, flaggedWithin, loadLayouts } from '../fixtures/layouts/expectations';

const layouts = loadLayouts();

describe.each(BROWSERS)('page layouts in %s', (name) => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  withExtensionBrowser(name, (launched) => ({ ext, server } = launched));

  it.each(layouts.map((layout) => [layout.file, layout] as const))('%s: the story’s claims are painted, no furniture', async (file, layout) => {
    const page = await ext.openPage(server.url(`layouts/${file}`));
    await page.waitForSelector('html[data-claimtrail="ready"]');
    const missing = async () => {
      const ranges = allPainted(await painted(page));
      return layout.claims.filter((claim) => !covers(ranges, claim.content)).map((claim) => claim.content);
    };
    await expect.poll(missing, { timeout: WAIT.timeout, interval: WAIT.polling }).toEqual([]);
    // The content script answers once its first pass is over.
    expect(await pageKind(ext, page)).toBe(layout.article === false ? 'not-article' : 'article');
    const ranges = allPainted(await painted(page));
    for (const phrase of layout.mustNotFlag) expect(flaggedWithin(ranges, phrase), phrase).toEqual([]);
    for (const phrase of layout.once ?? []) expect(flaggedWithin(ranges, phrase), phrase).toHaveLength(1);
    expect(ext.errors(page)).toEqual([]);
    await page.close();
  });
});
