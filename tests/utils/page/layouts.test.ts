// Real-world page layouts (tests/fixtures/layouts): each page is recognised as an article, its story
// body is what gets extracted (all of the story, none of the furniture), and the real pipeline
// (blocks → detector → claim views) flags the expected claims and nothing in `mustNotFlag`.
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../utils/claims';
import type { Span } from '../../../utils/claims';
import { findArticleRoot, isArticlePage } from '../../../utils/page/article';
import { joinBlocks } from '../../../utils/page/article-text';
import { extractBlocksSync } from '../../../utils/page/blocks';
import { detectedViews } from '../../../utils/page/page-claims';
import { covers, flaggedWithin, fold, loadLayouts } from '../../fixtures/layouts/expectations';

function load(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  return document;
}

/** The article text and the content spans the page would paint, as the content script computes them. */
function pipeline(doc: Document): { text: string; spans: Span[] } {
  const root = findArticleRoot(doc);
  if (!root) throw new Error('no article root');
  const article = joinBlocks(extractBlocksSync(root));
  const headings: Span[] = [];
  article.blocks.forEach((block, index) => {
    const start = article.blockStarts[index] ?? 0;
    if (block.heading) headings.push([start, start + block.text.length]);
  });
  const { claims } = detectClaims(article.blocks.map((block) => block.text));
  const views = detectedViews({ text: article.text, claims, pageUrl: 'https://news.example/story', headings });
  return { text: article.text, spans: views.flatMap((view) => view.spans) };
}

function occurrences(text: string, phrase: string): Span[] {
  const found: Span[] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) found.push([at, at + phrase.length]);
  return found;
}

const layouts = loadLayouts();

describe.each(layouts.filter((layout) => layout.article === false))('$file', (layout) => {
  it('is not taken for an article', () => {
    expect(isArticlePage(load(layout.html))).toBe(false);
  });
});

describe.each(layouts.filter((layout) => layout.article !== false))('$file', (layout) => {
  it('is an article page', () => {
    expect(isArticlePage(load(layout.html))).toBe(true);
  });

  it('extracts the whole story and none of the furniture', () => {
    const { text } = pipeline(load(layout.html));
    const folded = fold(text);
    for (const snippet of [...layout.body, ...layout.claims.map((claim) => claim.content)]) {
      expect(folded, snippet).toContain(fold(snippet));
    }
    for (const snippet of layout.furniture) expect(folded, snippet).not.toContain(fold(snippet));
  });

  it('flags the expected claims and nothing in mustNotFlag', () => {
    const { text, spans } = pipeline(load(layout.html));
    const highlighted = spans.map(([start, end]) => text.slice(start, end));
    const missed = layout.claims.filter((claim) => !covers(highlighted, claim.content)).map((claim) => claim.content);
    expect(missed, `highlighted:\n${highlighted.join('\n')}`).toEqual([]);
    for (const phrase of layout.mustNotFlag) {
      expect(flaggedWithin(highlighted, phrase), phrase).toEqual([]);
      const overlapping = occurrences(text, phrase).filter(([start, end]) => spans.some((span) => span[0] < end && start < span[1]));
      expect(overlapping, `"${phrase}" overlaps a highlight`).toEqual([]);
    }
    for (const phrase of layout.once ?? []) expect(flaggedWithin(highlighted, phrase), phrase).toHaveLength(1);
  });
});
