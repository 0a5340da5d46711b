import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeUrl, pageKey, registrableDomain, siteOf } from '../../../utils/url/normalize';

// Real-world URL shapes (paths and parameters as news sites and share buttons produce them).
const TABLE: [input: string, expected: string | null][] = [
  // fragments, tracking, sorting
  ['https://www.reuters.com/world/middle-east/iraq-talks-2026-11-24/#main-content', 'https://www.reuters.com/world/middle-east/iraq-talks-2026-11-24/'],
  ['https://www.nytimes.com/2026/11/24/world/iraq.html?smid=tw-share&smtyp=cur', 'https://www.nytimes.com/2026/11/24/world/iraq.html'],
  ['https://www.theguardian.com/world/2026/nov/24/iraq?utm_source=twitter&utm_medium=social&utm_campaign=share', 'https://www.theguardian.com/world/2026/nov/24/iraq'],
  ['https://apnews.com/article/iraq-allawi-abc123?fbclid=IwAR0xyz', 'https://apnews.com/article/iraq-allawi-abc123'],
  ['https://www.bbc.co.uk/news/world-middle-east-123?at_medium=RSS&at_campaign=KARANGA', 'https://www.bbc.co.uk/news/world-middle-east-123'],
  ['https://news.example.com/story?gclid=abc&dclid=d&msclkid=m&mc_cid=1&mc_eid=2&igshid=x&_ga=2.1&ref_src=twsrc', 'https://news.example.com/story'],
  ['https://example.com/article.php?id=42&utm_source=nl&page=2', 'https://example.com/article.php?id=42&page=2'],
  ['https://example.com/a?b=2&a=1&a=0', 'https://example.com/a?a=0&a=1&b=2'],
  ['https://example.com/a?', 'https://example.com/a'],
  // host and port
  ['HTTPS://WWW.Example.COM:443/Path', 'https://www.example.com/Path'],
  ['http://example.com:80/x', 'http://example.com/x'],
  ['https://example.com:8443/x', 'https://example.com:8443/x'],
  ['https://example.com./x', 'https://example.com/x'],
  ['https://user:pw@example.com/x', 'https://example.com/x'],
  // AMP
  ['https://www.example.com/news/story-123/amp/', 'https://www.example.com/news/story-123/'],
  ['https://www.example.com/news/story-123/amp', 'https://www.example.com/news/story-123/'],
  ['https://www.example.com/amp/news/story-123', 'https://www.example.com/news/story-123'],
  ['https://www.example.com/news/story-123.amp.html', 'https://www.example.com/news/story-123.html'],
  ['https://www.example.com/news/story-123.amp', 'https://www.example.com/news/story-123'],
  ['https://www.example.com/news/story?amp=1', 'https://www.example.com/news/story'],
  ['https://www.example.com/news/story?amp', 'https://www.example.com/news/story'],
  ['https://edition.example.com/2026/11/24/world/story/index.html?outputType=amp', 'https://edition.example.com/2026/11/24/world/story/index.html'],
  ['https://amp.example.com/world/2026/nov/24/story', 'https://example.com/world/2026/nov/24/story'],
  ['https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story/amp/', 'https://www.example.com/news/story/'],
  ['https://www.google.com/amp/s/www.example.com/news/story.amp.html', 'https://www.example.com/news/story.html'],
  // words that merely contain "amp" stay
  ['https://example.com/camping/lamp-review', 'https://example.com/camping/lamp-review'],
  ['https://example.com/news?ampersand=1', 'https://example.com/news?ampersand=1'],
  // not pages ClaimTrail tracks
  ['chrome://extensions/', null],
  ['about:blank', null],
  ['file:///home/me/article.html', null],
  ['not a url', null],
  ['', null],
];

describe('normalizeUrl', () => {
  it.each(TABLE)('%s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('is idempotent on arbitrary web URLs', () => {
    fc.assert(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), (u) => {
        const once = normalizeUrl(u);
        expect(once).not.toBeNull();
        expect(normalizeUrl(once ?? '')).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent on AMP and tracking shapes stacked on each other', () => {
    const part = fc.constantFrom('/amp', '/amp/', '.amp', '.amp.html', '/news', '/x', '?amp=1', '?utm_source=a', '&fbclid=1', '#top', '?id=3');
    fc.assert(
      fc.property(fc.constantFrom('https://amp.amp.example.com', 'https://www.example.co.uk', 'http://example.com'), fc.array(part, { maxLength: 6 }), (origin, parts) => {
        const once = normalizeUrl(origin + parts.join(''));
        if (once !== null) expect(normalizeUrl(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('pageKey', () => {
  it('prefers a same-site canonical URL (www vs bare vs amp subdomain)', () => {
    expect(pageKey({ href: 'https://amp.example.com/story', canonical: 'https://www.example.com/story' })).toBe('https://www.example.com/story');
    expect(pageKey({ href: 'https://example.com/story?utm_source=x', canonical: 'https://www.example.com/story' })).toBe('https://www.example.com/story');
    expect(pageKey({ href: 'https://m.example.co.uk/s', canonical: 'https://www.example.co.uk/s#x' })).toBe('https://www.example.co.uk/s');
  });

  it('keeps the page URL when the canonical points at another site (syndication)', () => {
    expect(pageKey({ href: 'https://local-paper.com/wire/story-1', canonical: 'https://apnews.com/article/story-1' })).toBe('https://local-paper.com/wire/story-1');
    expect(pageKey({ href: 'https://alice.blogspot.com/p', canonical: 'https://bob.blogspot.com/p' })).toBe('https://alice.blogspot.com/p');
  });

  it('resolves a relative canonical and ignores an unusable one', () => {
    expect(pageKey({ href: 'https://example.com/story/amp/', canonical: '/story/' })).toBe('https://example.com/story/');
    expect(pageKey({ href: 'https://example.com/a', canonical: 'javascript:alert(1)' })).toBe('https://example.com/a');
    expect(pageKey({ href: 'chrome://newtab/' })).toBeNull();
  });

  it('unwraps the AMP cache even though its canonical is on another host', () => {
    expect(pageKey({ href: 'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/s/amp', canonical: 'https://www.example.com/s' })).toBe('https://www.example.com/s');
  });
});

describe('site helpers', () => {
  it('registrableDomain handles ccTLD second levels and shared hosts', () => {
    expect(registrableDomain('www.example.com')).toBe('example.com');
    expect(registrableDomain('news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomain('www.smh.com.au')).toBe('smh.com.au');
    expect(registrableDomain('alice.blogspot.com')).toBe('alice.blogspot.com');
    expect(registrableDomain('example.com')).toBe('example.com');
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
  });

  it('siteOf lowercases and drops www', () => {
    expect(siteOf('https://WWW.Reuters.com/world')).toBe('reuters.com');
    expect(siteOf('https://www2.example.com/')).toBe('example.com');
    expect(siteOf('http://127.0.0.1:8080/seed.html')).toBe('127.0.0.1');
    expect(siteOf('garbage')).toBe('');
  });
});
