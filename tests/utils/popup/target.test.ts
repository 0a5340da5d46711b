import { describe, expect, it } from 'vitest';
import { pageRestriction, tabIdFromSearch } from '../../../utils/popup/target';

describe('tabIdFromSearch', () => {
  it('reads ?tab=<id>', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tab=7')).toBe(7);
  });

  it('ignores missing or malformed ids', () => {
    expect(tabIdFromSearch('')).toBeNull();
    expect(tabIdFromSearch('?tab=')).toBeNull();
    expect(tabIdFromSearch('?tab=-3')).toBeNull();
    expect(tabIdFromSearch('?tab=1e3')).toBeNull();
    expect(tabIdFromSearch('?tab=99999999999999999999')).toBeNull();
  });
});

describe('pageRestriction', () => {
  it('allows ordinary web pages', () => {
    expect(pageRestriction('https://example.com/news/1')).toBeNull();
    expect(pageRestriction('http://127.0.0.1:8080/seed-article.html')).toBeNull();
    expect(pageRestriction('https://chrome.google.com/search')).toBeNull();
    expect(pageRestriction(undefined)).toBeNull();
  });

  it('names browser pages', () => {
    for (const url of ['chrome://extensions/', 'about:addons', 'about:blank', 'moz-extension://x/popup.html', 'file:///tmp/a.html', 'view-source:https://a.b/', 'edge://settings']) {
      expect(pageRestriction(url), url).toBe('browser-page');
    }
  });

  it('names the add-on stores', () => {
    expect(pageRestriction('https://chromewebstore.google.com/detail/x')).toBe('web-store');
    expect(pageRestriction('https://chrome.google.com/webstore/detail/x')).toBe('web-store');
    expect(pageRestriction('https://addons.mozilla.org/en-US/firefox/')).toBe('web-store');
  });
});
