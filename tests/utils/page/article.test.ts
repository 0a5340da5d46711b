import { describe, expect, it } from 'vitest';
import { findArticleRoot, findArticleRootInSlices, findJsonLdArticle, hasReadableProse, isArticlePage, readPageInfo } from '../../../utils/page/article';

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
    const story = `<article>${Array.from({ length: 3 }, () => `<p>${PROSE.repeat(3)}</p>`).join('')}</article>`;
    expect(isArticlePage(load(`<meta property="og:type" content="website"><body>${story}</body>`))).toBe(true);
    expect(isArticlePage(load(`<body><div>${Array.from({ length: 6 }, () => `<p>${PROSE.repeat(3)}</p>`).join('')}</div></body>`))).toBe(true);
  });

  it('rejects a front page of links and a web app', () => {
    expect(isArticlePage(load('<meta property="og:type" content="website"><body><a href="/a">Mayor said to weigh budget</a><article><a href="/b">Teaser</a></article></body>'))).toBe(false);
  });

  it('accepts an <article> of three short paragraphs (a wire story), without metadata', () => {
    expect(isArticlePage(load(`<body><article><h1>H</h1>${`<p>${PROSE}</p>`.repeat(3)}</article></body>`))).toBe(true);
    expect(isArticlePage(load(`<body><article><h1>H</h1>${`<p>${PROSE}</p>`.repeat(2)}<p>By A. Writer</p></article></body>`))).toBe(false);
  });

  it('accepts microdata article text, also listed with other properties (a blog post of <br>-separated text)', () => {
    const post = `<div class="post-body" itemprop="description articleBody">${PROSE}<br><br>${PROSE}</div>`;
    expect(isArticlePage(load(`<body>${post}</body>`))).toBe(true);
    expect(findArticleRoot(load(`<body><div>${post}</div><div class="sidebar-widget"><p>${PROSE.repeat(3)}</p></div></body>`))?.className).toBe('post-body');
    expect(isArticlePage(load(`<body><div itemscope><meta itemprop="articleBody" content="${PROSE}"></div></body>`))).toBe(false);
  });

  it('rejects teaser cards: short <article>s, and summaries inside links or on a page that says it is a website', () => {
    const card = `<article><h3>Headline</h3><p>${PROSE.repeat(2)}</p><p>By A. Writer</p><p>Nov. 25</p></article>`;
    expect(isArticlePage(load(`<meta property="og:type" content="website"><body>${card.repeat(8)}</body>`))).toBe(false);
    expect(isArticlePage(load(`<body>${`<a href="/x"><p>${PROSE.repeat(2)}</p></a>`.repeat(8)}</body>`))).toBe(false);
  });
});

describe('hasReadableProse (Readability\'s isProbablyReaderable scoring)', () => {
  const paragraphs = (count: number, chars: number, attributes = '') =>
    Array.from({ length: count }, () => `<p${attributes}>${'x'.repeat(chars)}</p>`).join('');

  it('reads a page whose paragraphs score past 20 (√(length − 140) each)', () => {
    // 3 × √(300 − 140) ≈ 37.9; 1 × √(540 − 140) = 20 is not past it.
    expect(hasReadableProse(load(`<body>${paragraphs(3, 300)}</body>`))).toBe(true);
    expect(hasReadableProse(load(`<body>${paragraphs(1, 540)}</body>`))).toBe(false);
    expect(hasReadableProse(load(`<body>${paragraphs(50, 140)}</body>`))).toBe(false);
    expect(hasReadableProse(load(`<body><pre>${'x'.repeat(700)}</pre></body>`))).toBe(true);
  });

  it('leaves out list items, hidden paragraphs and page furniture', () => {
    expect(hasReadableProse(load(`<body><ul><li>${paragraphs(5, 400)}</li></ul></body>`))).toBe(false);
    expect(hasReadableProse(load(`<body>${paragraphs(5, 400, ' hidden')}${paragraphs(5, 400, ' aria-hidden="true"')}${paragraphs(5, 400, ' style="display:none"')}</body>`))).toBe(false);
    expect(hasReadableProse(load(`<body>${paragraphs(5, 400, ' style="color: red; Display : none !important"')}${paragraphs(5, 400, ' style="visibility:hidden;"')}</body>`))).toBe(false);
    expect(hasReadableProse(load(`<body>${paragraphs(5, 400, ' style="display: block; --x: none"')}</body>`))).toBe(true);
    expect(hasReadableProse(load(`<body>${paragraphs(5, 400, ' class="comment-text"')}${paragraphs(5, 400, ' id="share"')}</body>`))).toBe(false);
    // Teasers: summaries in links, in teaser cards (a box opening with a linked heading), in <article>s.
    expect(hasReadableProse(load(`<body>${`<a href="/x">${paragraphs(1, 400)}</a>`.repeat(5)}</body>`))).toBe(false);
    expect(hasReadableProse(load(`<body>${`<div><h3><a href="/x">Headline</a></h3>${paragraphs(1, 400)}</div>`.repeat(5)}</body>`))).toBe(false);
    expect(hasReadableProse(load(`<body>${`<article><h2><a href="/x">Post</a></h2><div>${paragraphs(1, 400)}</div></article>`.repeat(5)}</body>`))).toBe(false);
    expect(hasReadableProse(load(`<body>${`<div><h3>Subhead</h3>${paragraphs(1, 400)}</div>`.repeat(5)}</body>`))).toBe(true);
    // Like Readability, only the paragraph's own class and id count.
    expect(hasReadableProse(load(`<body><div id="sidebar">${paragraphs(5, 400)}</div></body>`))).toBe(true);
  });
});

describe('findArticleRoot', () => {
  it('prefers an explicit articleBody, but not a microdata <meta> copy of the text', () => {
    const doc = load(`<body><div itemprop="articleBody" id="body"><p>${PROSE}</p></div><aside><p>${PROSE.repeat(4)}</p></aside></body>`);
    expect(findArticleRoot(doc)?.id).toBe('body');
    const meta = load(`<body><div itemscope><meta itemprop="articleBody" content="${PROSE}"><div id="story"><p>${PROSE}</p><p>${PROSE}</p></div></div></body>`);
    expect(findArticleRoot(meta)?.id).toBe('story');
  });

  it('picks the container with the most paragraph text, widening over a body split by ad slots', () => {
    const part = `<p>${PROSE}</p><p>${PROSE}</p>`;
    const doc = load(`<body><div id="story"><div class="part">${part}</div><div class="ad-slot"></div><div class="part">${part}</div></div><aside><p>${PROSE}</p></aside></body>`);
    expect(findArticleRoot(doc)?.id).toBe('story');
  });

  it('finds the same root in slices, pausing between them on a page with many paragraphs', async () => {
    const story = Array.from({ length: 300 }, () => `<p>${PROSE}</p>`).join('');
    const teasers = Array.from({ length: 40 }, () => `<div class="card"><p>${PROSE}</p></div>`).join('');
    const doc = load(`<body><div id="teasers">${teasers}</div><div id="story">${story}</div></body>`);
    let pauses = 0;
    const root = await findArticleRootInSlices(doc, () => {
      pauses += 1;
    });
    expect(root?.id).toBe('story');
    expect(root).toBe(findArticleRoot(doc));
    // A chance to pause at least every 16 elements read (the paragraphs, then every element).
    const read = doc.getElementsByTagName('p').length + doc.getElementsByTagName('*').length;
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(read / 16));
  });
});

describe('readPageInfo', () => {
  it('reads title, canonical, author and date from meta tags and JSON-LD', () => {
    const ld = { '@type': 'NewsArticle', headline: 'LD headline', author: [{ '@type': 'Person', name: 'Ana Ruiz' }], datePublished: '2026-01-02' };
    const doc = load(`<head><title>Doc title</title><link rel="canonical" href="https://news.example/a"><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body></body>`);
    expect(readPageInfo(doc)).toMatchObject({ title: 'LD headline', canonical: 'https://news.example/a', author: 'Ana Ruiz', published: '2026-01-02' });
  });
});

describe('findArticleRoot on real layouts', () => {
  const paragraphs = (count: number, tag = 'p') => Array.from({ length: count }, () => `<${tag}>${PROSE}</${tag}>`).join('');

  it('reads paragraphs written as custom elements holding their text', () => {
    const story = `<story-body>${`<story-paragraph>${PROSE}</story-paragraph>`.repeat(4)}</story-body>`;
    const root = findArticleRoot(load(`<body><div class="nav"><a href="/">Home</a></div>${story}<div class="card"><a href="/x">Other</a><div>${PROSE}</div></div></body>`));
    expect(root?.localName).toBe('story-body');
  });

  it('reads paragraphs written as divs, and a story split by <br>s in one div', () => {
    expect(findArticleRoot(load(`<body><main><div id="story">${paragraphs(5, 'div')}</div><aside><p>${PROSE}</p></aside></main></body>`))?.id).toBe('story');
    const brs = Array.from({ length: 5 }, () => PROSE).join('<br><br>');
    expect(findArticleRoot(load(`<body><div id="col"><div class="by">By A. Writer | Staff | Nov 19</div><div id="story">${brs}</div><div class="more"><a href="/x">Other story headline here</a></div></div></body>`))?.id).toBe('story');
  });

  it('does not widen over comments, promo cards or asides, however much text they hold', () => {
    const comments = `<div id="comments"><ol>${Array.from({ length: 8 }, () => `<li class="c"><div class="comment-content">${paragraphs(2)}</div></li>`).join('')}</ol></div>`;
    expect(findArticleRoot(load(`<body><main><article><div id="story">${paragraphs(6)}</div></article>${comments}</main></body>`))?.id).toBe('story');
    const cards = Array.from({ length: 6 }, () => `<article class="PagePromo"><h3><a href="/a">Headline</a></h3><p>${PROSE}</p></article>`).join('');
    expect(findArticleRoot(load(`<body><div class="content"><article><div id="story">${paragraphs(6)}</div></article><div class="list">${cards}</div></div></body>`))?.id).toBe('story');
    expect(findArticleRoot(load(`<body><main><div id="story">${paragraphs(4)}</div><aside>${paragraphs(4)}</aside></main></body>`))?.id).toBe('story');
  });

  it('does not widen past the <article> holding the headline to cards with more text than a short story', () => {
    const cards = Array.from({ length: 4 }, () => `<article><h3>Other story</h3>${paragraphs(2)}</article>`).join('');
    const page = (headline: string) => `<body><div class="content"><article>${headline}<div id="story">${paragraphs(4)}</div></article>${cards}</div></body>`;
    expect(findArticleRoot(load(page('<h1>Headline</h1>')))?.id).toBe('story');
    // Without a headline in it, the story's <article> is one post among others (a live blog).
    expect(findArticleRoot(load(page('')))?.className).toBe('content');
  });

  it('does not read the next story appended after the page’s own (an <article> with its own <h1>), however long', () => {
    const story = (id: string, headline: string, count: number) => `<article class="article" id="${id}"><h1>${headline}</h1><div class="article-content">${paragraphs(count)}</div></article>`;
    const stream = load(`<body><div class="stream">${story('own', 'Headline', 4)}${story('next', 'Next story', 9)}</div></body>`);
    expect(findArticleRoot(stream)?.parentElement?.id).toBe('own');
    // The headline's <article> inside a page-wide one, which holds the headline too: still the story.
    const nested = load(`<body><article id="page"><article class="article" id="own"><h1>Headline</h1><div class="article-content">${paragraphs(4)}</div></article></article></body>`);
    expect(findArticleRoot(nested)?.parentElement?.id).toBe('own');
    // Cards marked up for the HTML5 outline (an <h1> in every <article>) before the story: the first
    // <h1> is a card's, and the story, an <article> of another kind, is still read.
    const card = `<article class="card"><h1>Card</h1><p>${PROSE}</p></article>`;
    expect(findArticleRoot(load(`<body>${card}${card}${story('own', 'Headline', 4)}</body>`))?.parentElement?.id).toBe('own');
    // A site-name <h1> outside every <article>: which post is the page's is not known, so none is left out.
    const logo = load(`<body><h1>Site name</h1><div class="stream">${story('own', 'Headline', 4)}${story('next', 'Next story', 9)}</div></body>`);
    expect(findArticleRoot(logo)?.className).toBe('stream');
  });

  it('reads a story written one paragraph per wrapper beside a rail of items with two paragraphs each', () => {
    const blocks = Array.from({ length: 7 }, () => `<div class="text-block"><p>${PROSE}</p></div>`).join('');
    const rail = Array.from({ length: 3 }, () => `<article class="item"><h3>Column</h3>${paragraphs(2)}</article>`).join('');
    const doc = load(`<body><div id="page"><div class="layout"><main id="story">${blocks}</main><div class="col-side">${rail}</div></div></div></body>`);
    expect(findArticleRoot(doc)?.id).toBe('story');
  });

  it('does not widen to a column that holds the story and a rail beside it, as parts of the story', () => {
    const doc = load(`<body><div id="page"><div class="layout"><div id="story">${paragraphs(6)}</div><div class="rail"><div class="box">${paragraphs(2)}</div><div class="box">${paragraphs(2)}</div></div></div><div class="foot"></div></div></body>`);
    expect(findArticleRoot(doc)?.id).toBe('story');
  });

  it('widens over parts of the same kind (a body split by ad slots), not over a sidebar beside the story', () => {
    const part = (count: number) => `<div class="css-53u6y8 StoryBodyCompanionColumn">${paragraphs(count)}</div>`;
    const split = `<section id="body">${part(3)}<div class="ad"></div>${part(2)}<div class="ad"></div>${part(2)}</section>`;
    expect(findArticleRoot(load(`<body><main>${split}</main></body>`))?.id).toBe('body');
    const sidebar = `<div class="col-md-4"><div class="widget">${paragraphs(3)}</div></div>`;
    expect(findArticleRoot(load(`<body><div class="row"><div class="col-md-8"><div id="story">${paragraphs(5)}</div></div>${sidebar}</div></body>`))?.id).toBe('story');
  });

  it('reads a story whose wrapper names both a furniture word and the story’s text (Vox, Polygraph)', () => {
    const hero = `<div class="c-entry-hero"><h1>Headline</h1><p class="c-entry-summary">${PROSE}</p></div>`;
    const vox = `<article class="l-main-content">${hero}<div class="l-sidebar-fixed l-article-body-segment"><div id="story" class="c-entry-content">${paragraphs(6)}</div></div></article>`;
    expect(findArticleRoot(load(`<body>${vox}<div class="newsletter">${paragraphs(1)}</div></body>`))?.id).toBe('story');
    const polygraph = `<div class="col"><h1>Headline</h1><div class="statement">${paragraphs(1)}</div><div id="article-content" class="content-floated-wrap fb-quotable"><div class="wsw">${paragraphs(6)}</div></div></div>`;
    expect(findArticleRoot(load(`<body>${polygraph}</body>`))?.className).toBe('wsw');
  });

  it('reads a story split by <br>s in one <span> (AppleInsider)', () => {
    const brs = Array.from({ length: 6 }, () => PROSE).join('<br><br>');
    const page = `<div class="article"><h1>Headline</h1><p class="byline">By A. Writer</p><span id="story"><span class="leader">${PROSE}</span><br>${brs}</span><div class="article-meta"><p>Topics: laptops and other things people buy online</p></div></div>`;
    expect(findArticleRoot(load(`<body>${page}</body>`))?.id).toBe('story');
  });

  it('does not count teaser headlines written as spans as paragraphs (the New York Post’s rails)', () => {
    const rail = Array.from({ length: 30 }, (_, n) => `<li><a href="/s${n}"><span class="story-title">A headline of another story that runs long number ${n}</span></a></li>`).join('');
    const story = `<div id="story" class="entry-content entry-content-read-more">${paragraphs(4)}</div>`;
    expect(findArticleRoot(load(`<body><div class="article-wrapper"><h1>Headline</h1>${story}<ul class="top-five">${rail}</ul></div></body>`))?.id).toBe('story');
  });

  it('still finds a story wrapped in a furniture-named box or a page-wide <form> (ASP.NET)', () => {
    expect(findArticleRoot(load(`<body><form id="aspnetForm"><h1>Headline</h1><div id="story">${paragraphs(6)}</div><div class="sidebar">${paragraphs(1)}</div></form></body>`))?.id).toBe('story');
    expect(findArticleRoot(load(`<body><div class="article--sponsored"><h1>Headline</h1><div id="story">${paragraphs(6)}</div></div><footer>${paragraphs(1)}</footer></body>`))?.id).toBe('story');
    expect(findArticleRoot(load(`<body><h1>Headline</h1><div id="story" class="story-author-content">${paragraphs(6)}</div><div class="related">${paragraphs(1)}</div></body>`))?.id).toBe('story');
  });
});
