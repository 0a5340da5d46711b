import { describe, expect, it } from 'vitest';
import { findArticleRoot, findJsonLdArticle, isArticlePage, readPageInfo } from '../../../utils/page/article';

function load(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  return document;
}

const PROSE = 'The committee met for several hours on Tuesday and heard from a long list of witnesses about the plan. ';

describe('isArticlePage', () => {
  it('accepts og:type=article', () => {
    expect(isArticlePage(load('<head><meta property="og:type" content="article"></head><body><p>x</p></body>'))).toBe(true);
  });

  it('accepts JSON-LD article types, inside arrays and @graph', () => {
    const graph = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': ['ReportageNewsArticle'], headline: 'H' }] };
    expect(isArticlePage(load(`<script type="application/ld+json">${JSON.stringify(graph)}</script><body><p>x</p></body>`))).toBe(true);
    expect(isArticlePage(load(`<script type="application/ld+json">[{"@type":"BlogPosting"}]</script><body><p>x</p></body>`))).toBe(true);
    expect(findJsonLdArticle(load(`<script type="application/ld+json">{"@type":"Product"}</script><body></body>`))).toBeNull();
  });

  it('survives broken JSON-LD', () => {
    expect(isArticlePage(load('<script type="application/ld+json">{"@type": "NewsArt</script><body><p>short</p></body>'))).toBe(false);
  });

  it('accepts an <article> with prose, or a page Readability would read', () => {
    expect(isArticlePage(load(`<body><article><p>a</p><p>b</p><p>c</p></article></body>`))).toBe(true);
    expect(isArticlePage(load(`<body><div>${Array.from({ length: 6 }, () => `<p>${PROSE.repeat(3)}</p>`).join('')}</div></body>`))).toBe(true);
  });

  it('rejects a front page of links and a web app', () => {
    expect(isArticlePage(load('<meta property="og:type" content="website"><body><a href="/a">Mayor said to weigh budget</a><article><a href="/b">Teaser</a></article></body>'))).toBe(false);
  });
});

describe('findArticleRoot', () => {
  it('prefers an explicit articleBody', () => {
    const doc = load(`<body><div itemprop="articleBody" id="body"><p>${PROSE}</p></div><aside><p>${PROSE.repeat(4)}</p></aside></body>`);
    expect(findArticleRoot(doc)?.id).toBe('body');
  });

  it('picks the container with the most paragraph text, widening over a body split by ad slots', () => {
    const part = `<p>${PROSE}</p><p>${PROSE}</p>`;
    const doc = load(`<body><div id="story"><div class="part">${part}</div><div class="ad-slot"></div><div class="part">${part}</div></div><aside><p>${PROSE}</p></aside></body>`);
    expect(findArticleRoot(doc)?.id).toBe('story');
  });
});

describe('readPageInfo', () => {
  it('reads title, canonical, author and date from meta tags and JSON-LD', () => {
    const ld = { '@type': 'NewsArticle', headline: 'LD headline', author: [{ '@type': 'Person', name: 'Ana Ruiz' }], datePublished: '2026-01-02' };
    const doc = load(`<head><title>Doc title</title><link rel="canonical" href="https://news.example/a"><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body></body>`);
    expect(readPageInfo(doc)).toMatchObject({ title: 'LD headline', canonical: 'https://news.example/a', author: 'Ana Ruiz', published: '2026-01-02' });
  });
});
