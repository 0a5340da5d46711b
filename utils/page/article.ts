/**
 * Is this page an article, where is its body, and what does it say about itself (title, author,
 * date)? The check must be cheap: it runs on every page the user opens.
 */
import type { PageInfo } from '../messaging/protocol';
import { hasFurnitureName, hiddenByAttributes } from './furniture';

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

/** schema.org types that are articles: Article, NewsArticle, ReportageNewsArticle, BlogPosting… */
const ARTICLE_TYPE = /(?:^|[/:])(?:\w*Article|BlogPosting|LiveBlogPosting|Report)$/;
/** JSON-LD blocks bigger than this are product catalogues or app state, not article metadata. */
const MAX_JSON_LD_CHARS = 200_000;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasArticleType(node: JsonObject): boolean {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((entry) => typeof entry === 'string' && ARTICLE_TYPE.test(entry));
}

/** The first Article-typed node in the page's JSON-LD, looking inside arrays and @graph. */
export function findJsonLdArticle(doc: Document): JsonObject | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    let parsed: JsonValue;
    try {
      parsed = JSON.parse(source) as JsonValue;
    } catch {
      continue;
    }
    // Breadth-first over arrays and @graph only: article metadata is never nested deeper.
    const queue: JsonValue[] = [parsed];
    for (let index = 0; index < queue.length && index < 500; index += 1) {
      const value = queue[index];
      if (Array.isArray(value)) queue.push(...value);
      else if (isObject(value)) {
        if (hasArticleType(value)) return value;
        const graph = value['@graph'];
        if (graph !== undefined) queue.push(graph);
      }
    }
  }
  return null;
}

function meta(doc: Document, selector: string): string | undefined {
  const content = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return content ? content : undefined;
}

function hasArticleElementWithProse(doc: Document): boolean {
  for (const article of doc.getElementsByTagName('article')) {
    if (article.getElementsByTagName('p').length >= 3) return true;
  }
  return false;
}

function paragraphLength(paragraph: Element): number {
  return (paragraph.textContent ?? '').trim().length;
}

/** Readability's isProbablyReaderable scores a paragraph √(length − 140) past 140 characters… */
const PROSE_MIN_CHARS = 140;
/** …and reads a page whose paragraphs add up to more than 20 (about three of 300 characters). */
const PROSE_MIN_SCORE = 20;

/**
 * Readability's isProbablyReaderable test, written against this module's own furniture rules:
 * visible `<p>`/`<pre>` outside lists and page furniture, scored as Readability scores them. The
 * library's copy, with its own class-name lists and module wrapper, cost every page 0.7 KB gzipped.
 */
export function hasReadableProse(doc: Document): boolean {
  let score = 0;
  for (const paragraph of doc.querySelectorAll('p, pre')) {
    if (paragraph.closest('li') || hiddenByAttributes(paragraph) || hasFurnitureName(paragraph)) continue;
    const length = paragraphLength(paragraph);
    if (length > PROSE_MIN_CHARS && (score += Math.sqrt(length - PROSE_MIN_CHARS)) > PROSE_MIN_SCORE) return true;
  }
  return false;
}

/** Cheap: metadata first, then markup, then Readability's prose heuristic (one querySelectorAll). */
export function isArticlePage(doc: Document): boolean {
  if (!doc.body) return false;
  if (meta(doc, 'meta[property="og:type"]')?.toLowerCase() === 'article') return true;
  if (findJsonLdArticle(doc)) return true;
  if (hasArticleElementWithProse(doc)) return true;
  return hasReadableProse(doc);
}

/**
 * The element holding the article's prose: an explicit articleBody, else the element whose child
 * paragraphs carry the most text, widened to an ancestor when the body is split over several
 * containers (ad slots between parts of the story).
 */
export function findArticleRoot(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const explicit = doc.querySelectorAll('[itemprop="articleBody"]');
  if (explicit.length === 1) return explicit[0] ?? null;

  const direct = new Map<Element, number>();
  const total = new Map<Element, number>();
  for (const paragraph of doc.getElementsByTagName('p')) {
    const length = paragraphLength(paragraph);
    if (length < 25) continue;
    const parent = paragraph.parentElement;
    if (!parent) continue;
    direct.set(parent, (direct.get(parent) ?? 0) + length);
    for (let ancestor: Element | null = parent; ancestor && ancestor !== body; ancestor = ancestor.parentElement) {
      total.set(ancestor, (total.get(ancestor) ?? 0) + length);
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of direct) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  if (!best) return doc.querySelector('article, [role="main"], main') ?? body;
  for (let parent = best.parentElement; parent && parent !== body; parent = parent.parentElement) {
    if ((total.get(parent) ?? 0) >= (total.get(best) ?? 0) * 1.25) best = parent;
  }
  return best;
}

export function readPageInfo(doc: Document): PageInfo {
  const jsonLd = findJsonLdArticle(doc);
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const headline = jsonLd?.['headline'];
  const author = jsonLd?.['author'];
  const firstAuthor = Array.isArray(author) ? author[0] : author;
  const authorName = isObject(firstAuthor) ? firstAuthor['name'] : firstAuthor;
  const published = jsonLd?.['datePublished'];
  const info: PageInfo = {
    href: doc.location?.href ?? doc.URL,
    title: meta(doc, 'meta[property="og:title"]') ?? (typeof headline === 'string' ? headline : doc.title),
  };
  if (canonical) info.canonical = canonical;
  const authorText = meta(doc, 'meta[name="author"]') ?? (typeof authorName === 'string' ? authorName : undefined);
  if (authorText) info.author = authorText;
  const publishedText =
    meta(doc, 'meta[property="article:published_time"]') ?? (typeof published === 'string' ? published : undefined);
  if (publishedText) info.published = publishedText;
  return info;
}
