import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { highlightsEnabled, setSiteEnabled } from '../../../utils/settings';
import { highlightsAllowedOn, watchHighlightsAllowed } from '../../../utils/page/site-switch';

describe('site switch (read side of utils/settings.ts)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('allows highlights by default', async () => {
    expect(await highlightsAllowedOn('https://news.example/story')).toBe(true);
  });

  it('follows the per-site list written by settings.ts', async () => {
    await setSiteEnabled('https://www.news.example/other', false);
    expect(await highlightsAllowedOn('https://news.example/story')).toBe(false);
    expect(await highlightsAllowedOn('https://elsewhere.example/story')).toBe(true);
    await setSiteEnabled('news.example', true);
    expect(await highlightsAllowedOn('https://news.example/story')).toBe(true);
  });

  it('follows the global switch written by settings.ts', async () => {
    await highlightsEnabled.setValue(false);
    expect(await highlightsAllowedOn('https://news.example/story')).toBe(false);
  });

  it('reports changes until its signal aborts', async () => {
    const seen: boolean[] = [];
    const controller = new AbortController();
    watchHighlightsAllowed(() => 'https://news.example/story', (value) => seen.push(value), controller.signal);
    await setSiteEnabled('news.example', false);
    await expect.poll(() => seen).toEqual([false]);
    controller.abort();
    await setSiteEnabled('news.example', true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([false]);
  });
});
