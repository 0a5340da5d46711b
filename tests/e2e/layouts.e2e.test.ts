// Real-world page layouts (tests/fixtures/layouts) in real browsers: the claims of the story are
// painted, and nothing from the page furniture (or the story's unattributed narration) is.
import { describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionBrowser, type FixtureServer } from './harness';
import { withExtensionBrowser } from './suite';
import { allPainted, painted, WAIT } from './page-probes';
import { covers, flaggedWithin, loadLayouts } from '../fixtures/layouts/expectations';

const layouts = loadLayouts();

describe.each(BROWSERS)('page layouts in %s', (name) => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;
  withExtensionBrowser(name, (launched) => ({ ext, server } = launched));

  it.each(layouts.map((layout) => [layout.file, layout] as const))('%s: the story’s claims are painted, no furniture', async (file, layout) => {
    const page = await ext.openPage(server.url(`layouts/${file}`));
    const missing = async () => {
      const ranges = allPainted(await painted(page));
      return layout.claims.filter((claim) => !covers(ranges, claim.content)).map((claim) => claim.content);
    };
    await expect.poll(missing, { timeout: WAIT.timeout, interval: WAIT.polling }).toEqual([]);
    const ranges = allPainted(await painted(page));
    for (const phrase of layout.mustNotFlag) expect(flaggedWithin(ranges, phrase), phrase).toEqual([]);
    expect(ext.errors(page)).toEqual([]);
    await page.close();
  });
});
