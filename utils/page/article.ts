/**
 * Is this page an article, where is its body, and what does it say about itself (title, author,
 * date)? The check must be cheap: it runs on every page the user opens.
 */
import type { PageInfo } from '../messaging/protocol';
import { furnitureName, hiddenByAttributes, isTeaserCard, linkDensity, namesStory, ownTextLength, skippedByMarkup } from './furniture';

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

function paragraphLength(paragraph: Element): number {
  return (paragraph.textContent ?? '').trim().length;
}

/** Readability's isProbablyReaderable scores a paragraph √(length − 140) past 140 characters… */
const PROSE_MIN_CHARS = 140;
/** …and reads a page whose paragraphs add up to more than 20 (about three of 300 characters). */
const PROSE_MIN_SCORE = 20;

/**
 * Readability's isProbablyReaderable test, written against this module's own furniture rules:
 * visible `<p>`/`<pre>` outside lists and page furniture, scored as Readability scores them; unlike
 * Readability, not teasers either: paragraphs in links or teaser cards, or in `<article>`s (which
 * isArticlePage judges on their own: a one-paragraph excerpt is a post on a blog's front page). The
 * library's copy, with its own class-name lists and module wrapper, cost every page 0.7 KB gzipped.
 */
export function hasReadableProse(doc: Document): boolean {
  let score = 0;
  for (const paragraph of doc.querySelectorAll('p, pre')) {
    // The length first: the name checks cost more, and most short paragraphs need none of them.
    const length = paragraphLength(paragraph);
    if (length <= PROSE_MIN_CHARS || paragraph.closest('li, a, article') || isTeaserCard(paragraph.parentElement) || hiddenByAttributes(paragraph) || furnitureName(paragraph)) continue;
    if ((score += Math.sqrt(length - PROSE_MIN_CHARS)) > PROSE_MIN_SCORE) return true;
  }
  return false;
}

/** A teaser card's summary and byline are not three paragraphs of this length; a wire story's are. */
const ARTICLE_PARAGRAPH_CHARS = 50;

/** An `<article>` with at least three paragraphs (a short wire story), not a teaser card. */
function hasArticleElementWithProse(doc: Document): boolean {
  for (const article of doc.getElementsByTagName('article')) {
    let count = 0;
    for (const paragraph of article.getElementsByTagName('p')) if (paragraphLength(paragraph) >= ARTICLE_PARAGRAPH_CHARS && ++count > 2) return true;
  }
  return false;
}

/**
 * Microdata's article text (`itemprop` may list several properties: "description articleBody"); not
 * a `<meta>`, whose content is a copy of the story (or its first lines) for search engines.
 */
const ARTICLE_BODY = '[itemprop~="articleBody"]:not(meta)';

/**
 * Cheap: metadata first, then an `<article>` with prose, then Readability's prose heuristic over
 * the page, unless the page says it is some other kind (og:type "website": a front page of teasers
 * whose summaries read like prose).
 */
export function isArticlePage(doc: Document): boolean {
  if (!doc.body) return false;
  const type = meta(doc, 'meta[property="og:type"]')?.toLowerCase();
  if (type === 'article' || findJsonLdArticle(doc) || doc.querySelector(ARTICLE_BODY) || hasArticleElementWithProse(doc)) return true;
  return !type && hasReadableProse(doc);
}

/** [paragraph, container credited with its text, length] */
type Paragraph = [Element, Element, number];

/**
 * Text that reads as a paragraph: a `<p>` that is not a list item or mostly a link (teaser cards,
 * "Read more" lines), credited to its parent; or a `<div>`, `<span>` or custom element with text of
 * its own (sites that write paragraphs as divs or as `<story-paragraph>`s, or a whole story split by
 * `<br>`s: AppleInsider's is one `<span>`), credited to itself.
 */
function* findParagraphs(doc: Document, found: Paragraph[]): Generator<void> {
  let read = 0;
  for (const paragraph of doc.getElementsByTagName('p')) {
    const length = paragraphLength(paragraph);
    let parent = paragraph.parentElement;
    // A wrapper of one paragraph (a "text-block" div per paragraph) is no container of the story. Told
    // by the paragraph's siblings: the parent's childElementCount counts all its children, per
    // paragraph (2,500 paragraphs in one container: 0.9 s of a 1 MB article's 2.2 s).
    if (parent && !paragraph.previousElementSibling && !paragraph.nextElementSibling && parent.parentElement) parent = parent.parentElement;
    if (parent && length >= 25 && !paragraph.closest('li') && linkDensity(paragraph) < 0.5) found.push([paragraph, parent, length]);
    if (++read % STEP_ELEMENTS === 0) yield;
  }
  for (const element of doc.getElementsByTagName('*')) {
    const span = element.tagName === 'SPAN';
    if (span || element.tagName === 'DIV' || element.localName.includes('-')) {
      const length = ownTextLength(element);
      // A span is read only as a whole story's box: teaser headlines are spans too (the New York Post's
      // rails), and counted as paragraphs they would outweigh the story.
      if (length >= (span ? SPAN_STORY_CHARS : 25)) found.push([element, element, length]);
    }
    if (++read % STEP_ELEMENTS === 0) yield;
  }
}

/** Own text a `<span>` needs to count as paragraphs: several of them, not a headline. */
const SPAN_STORY_CHARS = 500;

/**
 * Elements read between the steps findArticleRootInSlices can pause at: few, since the first ones run
 * in cold code (64 made a first step of 10-20 ms of CPU on the 1 MB article); the slicer runs as
 * many steps in a slice as fit.
 */
const STEP_ELEMENTS = 16;

/**
 * The element holding the article's prose: an explicit articleBody, else the container whose
 * paragraphs carry the most text, widened to an ancestor when the body is split over several
 * containers (ad slots between parts of the story), but not beyond the `<article>` holding the
 * headline. Paragraphs inside page furniture (asides, comments, promos, captions, teaser cards…) do
 * not count, unless that "furniture" is the story's wrapper; comments never do.
 */
export function findArticleRoot(doc: Document): Element | null {
  const steps = articleRootSteps(doc);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * findArticleRoot with `pause` between steps of a few dozen elements: on a page with thousands of
 * paragraphs, reading them all is tens of milliseconds.
 */
export async function findArticleRootInSlices(doc: Document, pause: () => Promise<void> | void): Promise<Element | null> {
  const steps = articleRootSteps(doc);
  let step = steps.next();
  while (!step.done) {
    const paused = pause();
    if (paused) await paused;
    step = steps.next();
  }
  return step.value;
}

function* articleRootSteps(doc: Document): Generator<void, Element | null> {
  const body = doc.body;
  if (!body) return null;
  const explicit = doc.querySelectorAll(ARTICLE_BODY);
  if (explicit.length === 1) return explicit[0] ?? null;

  const paragraphs: Paragraph[] = [];
  yield* findParagraphs(doc, paragraphs);
  const all = new Map<Element, number>();
  const containers = new Set<Element>();
  let pageTotal = 0;
  for (const [, container, length] of paragraphs) {
    pageTotal += length;
    containers.add(container);
    for (let element: Element | null = container; element && element !== body; element = element.parentElement) {
      all.set(element, (all.get(element) ?? 0) + length);
    }
  }
  const headline = doc.querySelector('h1');
  const headlineArticle = headline?.closest('article');
  const excluded = new Map<Element, boolean>();
  const isExcluded = (element: Element): boolean => {
    let result = excluded.get(element);
    if (result === undefined) {
      const name = furnitureName(element);
      // Furniture that holds most of the page's text and the headline (or, by name only, the
      // paragraphs themselves, or a name for the story's text) is the story's wrapper:
      // "article--sponsored", "story-author-content", "l-sidebar-fixed l-article-body-segment", an
      // ASP.NET page inside one <form>. A big "related" list or sidebar holds neither. An
      // <article> of the same kind as the one holding the headline, with an <h1> of its own, is
      // another story (the next one, appended by infinite scroll), however long: it has its own URL.
      result =
        name === 'never' ||
        (element.tagName === 'ARTICLE' && !!headlineArticle && kindOf(element) === kindOf(headlineArticle) && !element.contains(headline) && !!element.querySelector('h1')) ||
        ((name !== null || skippedByMarkup(element) || isTeaserCard(element)) &&
          !((all.get(element) ?? 0) > pageTotal / 2 && (element.contains(headline) || (name !== null && (containers.has(element) || namesStory(element))))));
      excluded.set(element, result);
    }
    return result;
  };

  const direct = new Map<Element, number>();
  const total = new Map<Element, number>();
  let counted = 0;
  for (const [paragraph, container, length] of paragraphs) {
    if (++counted % STEP_ELEMENTS === 0) yield;
    let element: Element | null = paragraph;
    while (element && element !== body && !isExcluded(element)) element = element.parentElement;
    if (element !== body && element !== null) continue;
    direct.set(container, (direct.get(container) ?? 0) + length);
    for (let ancestor: Element | null = container; ancestor && ancestor !== body; ancestor = ancestor.parentElement) {
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
  // Widened only over parts of the same kind as the one holding the story (same tag and first
  // class: StoryBodyCompanionColumn divs, text-block divs, paragraph-N divs), and never past the
  // story's own <article> (the one holding the headline): a sidebar beside the story or other
  // stories' cards after it may hold more text than a short story, and are not part of it.
  for (let child = best, parent = best.parentElement; parent && parent !== body && !(child.tagName === 'ARTICLE' && child.contains(headline)); child = parent, parent = parent.parentElement) {
    // The story so far and its parts beside the child: not the rest of the child, when the child
    // is more than the story (a layout column holding the story and a rail beside it).
    const story = total.get(best) ?? 0;
    let parts = story;
    const kind = kindOf(child);
    for (const sibling of parent.children) if (sibling !== child && sibling.tagName === child.tagName && kindOf(sibling) === kind) parts += total.get(sibling) ?? 0;
    // Paragraphs of the parent's own beside the child are the story's opening when the rest sits in
    // a box of its own (a "continue reading" expander): widened for them at a fifth of the story.
    if (parts >= story * 1.25 || (direct.get(parent) ?? 0) * 5 > story) best = parent;
  }
  return best;
}

/** An element's first class: the kind of component it is, among its siblings. */
function kindOf(element: Element): string | undefined {
  return element.getAttribute('class')?.split(' ')[0];
}

/** A JSON-LD value when it is text (`author` may be a Person object, `headline` a number). */
function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function readPageInfo(doc: Document): PageInfo {
  const jsonLd = findJsonLdArticle(doc);
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const author = jsonLd?.['author'];
  const firstAuthor = Array.isArray(author) ? author[0] : author;
  const info: PageInfo = {
    href: doc.location?.href ?? doc.URL,
    title: meta(doc, 'meta[property="og:title"]') ?? text(jsonLd?.['headline']) ?? doc.title,
  };
  if (canonical) info.canonical = canonical;
  const authorText = meta(doc, 'meta[name="author"]') ?? text(isObject(firstAuthor) ? firstAuthor['name'] : firstAuthor);
  if (authorText) info.author = authorText;
  const publishedText = meta(doc, 'meta[property="article:published_time"]') ?? text(jsonLd?.['datePublished']);
  if (publishedText) info.published = publishedText;
  return info;
}
