/**
 * Which parts of an article's DOM are not article text: code, hidden content, and page furniture
 * (navigation, share bars, bylines, newsletter boxes, related lists, licence lines). Everything here
 * is decided from tag names and attributes — no layout — except the optional `checkVisibility()`
 * probe, which reads computed style the browser already has.
 */

/** Subtrees that never hold article prose. H1 is the headline: never a claim, so not worth detecting. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED',
  'VIDEO', 'AUDIO', 'PICTURE', 'IMG', 'NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FIGURE', 'FIGCAPTION',
  'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'OPTION', 'LABEL', 'DIALOG', 'MENU', 'H1',
]);

const SKIPPED_ROLES = new Set([
  'navigation', 'complementary', 'banner', 'contentinfo', 'button', 'dialog', 'alertdialog', 'menu',
  'menubar', 'toolbar', 'search', 'form', 'figure', 'img', 'tablist',
]);

/**
 * Words in class names and ids that mark furniture. Matched as whole words after splitting on
 * `-`, `_` and spaces, so "commentary-body" or "article-body" do not match "comment" or "body".
 */
const FURNITURE_WORDS = new Set([
  'share', 'sharing', 'social', 'byline', 'bylines', 'author', 'authors', 'newsletter', 'newsletters',
  'related', 'trending', 'popular', 'promo', 'promotion', 'subscribe', 'subscription', 'signup', 'paywall',
  'ad', 'ads', 'advert', 'adverts', 'advertisement', 'sponsor', 'sponsored', 'comment', 'comments',
  'disqus', 'outbrain', 'taboola', 'recirc', 'recirculation', 'breadcrumb', 'breadcrumbs', 'tags',
  'toolbar', 'caption', 'credit', 'credits', 'sidebar', 'license', 'licence', 'copyright', 'disclaimer',
  'follow', 'dateline', 'timestamp',
]);

/** Visually hidden text for screen readers ("Advertisement", "Opens in a new window"). */
const SCREEN_READER_ONLY = /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader-only|a11y-hidden)(?:\s|$)/i;

const WORD_SPLIT = /[\s_-]+/;

/** Tags that start and end a block of text (their own paragraph in the detector input). */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);

export const HEADING_TAGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);

/** Marks ClaimTrail's own UI hosts so extraction and mutation handling ignore them. */
export const OWN_UI_ATTRIBUTE = 'data-claimtrail-ui';

export function hasFurnitureName(element: Element): boolean {
  const className = typeof element.className === 'string' ? element.className : element.getAttribute('class') ?? '';
  const names = `${className} ${element.id}`.toLowerCase();
  if (names.trim() === '') return false;
  if (SCREEN_READER_ONLY.test(className)) return true;
  for (const word of names.split(WORD_SPLIT)) {
    if (FURNITURE_WORDS.has(word)) return true;
  }
  return false;
}

/** display:none or visibility:hidden in a style attribute (read as text: `element.style` builds a CSSOM object per element). */
const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

export function hiddenByAttributes(element: Element): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.hasAttribute('inert') ||
    element.getAttribute('aria-hidden') === 'true' ||
    INLINE_HIDDEN.test(element.getAttribute('style') ?? '')
  );
}

type VisibilityProbe = (options: { checkVisibilityCSS?: boolean; visibilityProperty?: boolean }) => boolean;

/** Hidden by CSS (display:none, visibility:hidden, closed <details>); cheap once style is computed. */
function hiddenByStyle(element: Element): boolean {
  const probe = (element as Element & { checkVisibility?: VisibilityProbe }).checkVisibility;
  if (typeof probe !== 'function') return false;
  if (probe.call(element, { checkVisibilityCSS: true, visibilityProperty: true })) return false;
  // display:contents has no box, so checkVisibility() says false although its children render.
  return getComputedStyle(element).display !== 'contents';
}

/** Lists whose text is nearly all links are "related" or navigation lists, not prose. */
function isLinkList(element: Element): boolean {
  if (element.tagName !== 'UL' && element.tagName !== 'OL') return false;
  const total = (element.textContent ?? '').trim().length;
  if (total === 0) return true;
  let linked = 0;
  for (const link of element.querySelectorAll('a')) linked += (link.textContent ?? '').trim().length;
  return linked / total >= 0.8;
}

export interface SkipContext {
  /** Text length of the whole article root: a "furniture" box holding most of it is the article itself. */
  readonly rootTextLength: number;
}

/**
 * A SkipContext that measures the root only when a furniture-named box asks, by adding up its text
 * nodes' lengths: `root.textContent` would build the whole article as one string (1 MB: tens of ms).
 */
export function skipContext(root: Element): SkipContext {
  let length: number | null = null;
  return {
    get rootTextLength() {
      if (length === null) {
        const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
        length = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) length += (node as Text).length;
      }
      return length;
    },
  };
}

/** True when the subtree under `element` (a descendant of the article root) holds no article text. */
export function isSkipped(element: Element, context: SkipContext): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const role = element.getAttribute('role');
  if (role !== null && SKIPPED_ROLES.has(role)) return true;
  if (hiddenByAttributes(element)) return true;
  if (hasFurnitureName(element)) {
    // Some sites name the story wrapper "story-author-content" or similar; never skip most of the article.
    const length = (element.textContent ?? '').length;
    if (length < context.rootTextLength * 0.5) return true;
  }
  if (isLinkList(element)) return true;
  return hiddenByStyle(element);
}
