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

const SKIPPED_ROLE = /^(?:navigation|complementary|banner|contentinfo|button|(?:alert)?dialog|menu(?:bar)?|toolbar|search|form|figure|img|tablist)$/;

/**
 * Words in class names, ids, NAME_ATTRIBUTES and custom tag names that mark furniture (social
 * embeds and media players included: "instagram-media", "fb-post", "video-resource", "jwplayer",
 * whose titles and descriptions are in the page's DOM). Matched as whole words after splitting on
 * `-`, `_`, spaces and camelCase, so "commentary-body" or "article-body" do not match "comment" or
 * "body"; two adjacent words also match joined ("most-read", "sign-up", and the screen-reader-only
 * classes: sr-only, visually-hidden, screen-reader-text, a11y-hidden).
 * The second group are word starts: "sharedaddy", "relatedposts", "advertisement", "newsletters"…
 * Not "paywall": sites wrap the subscriber part of the story in it; but "gate" and "wall" are the
 * prompt that stands in for it ("meter-wall", "article-gate"), quoting happy readers, as calls to
 * action ("article-cta": donation appeals) and "Republish this story" boxes do.
 */
const FURNITURE_WORD =
  /^(?:gate|wall|cta|republish|social|bylines?|authors?|bio|signup|ads?|tags|recirc(?:ulation)?|breadcrumbs?|toolbar|caption|credits?|sidebar|licen[cs]e|copyright|disclaimer|follow|dateline|timestamp|trending|popular|most(?:read|viewed)|readmore|consent|gdpr|pullquote|tweet|twitter|fb|instagram|video|\w*player|embed|outbrain|taboola|sronly|visuallyhidden|screenreader|a11yhidden)$|^(?:share|sharing|related|promo|advert|sponsor|newsletter|subscri|recommend|teaser|cookie)/;

/**
 * Reader comments, and photo galleries and carousels (captions of other stories: The Independent's
 * 50-slide "Business news in pictures" inside a story outweighs the story): never the article,
 * however much of the page they fill.
 */
const NEVER_STORY_WORD = /^(?:comments?|commentlist|disqus|gallery|slideshow|carousel)$/;

/** WordPress files a post's categories and tags as classes ("tag-social"): its topics, not its parts. */
const TAXONOMY_CLASS = /(?:^|\s)(?:tag|category)-\S+/g;

const WORD_SPLIT = /[\s_-]+/;

/** Attributes besides class and id that sites name their components in. */
const NAME_ATTRIBUTES = ['data-testid', 'data-component', 'data-qa', 'data-area'];

/**
 * Tags that start and end a block of text (their own paragraph in the detector input). The block
 * tags in SKIPPED_TAGS (aside, figure, footer, header, nav, h1…) are never walked into, so not listed.
 */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HGROUP', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE',
  'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

export const HEADING_TAGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);

/** NodeFilter's whatToShow bits, fixed by the DOM standard (no lookup through the page's window). */
export const SHOW_ELEMENT = 1;
export const SHOW_TEXT = 4;

/** Marks ClaimTrail's own UI hosts so extraction and mutation handling ignore them. */
export const OWN_UI_ATTRIBUTE = 'data-claimtrail-ui';

/** furnitureName of elements with no attributes, by tag name: a big article's thousands of plain <p>s ask once. */
const BY_TAG_NAME = new Map<string, 'never' | 'furniture' | null>();

/** What an element's names say it is: never the story (comments, galleries), other page furniture, or neither (null). */
export function furnitureName(element: Element): 'never' | 'furniture' | null {
  if (element.hasAttributes()) return namesSay([element.getAttribute('class')?.replace(TAXONOMY_CLASS, ' '), element.id, element.localName, ...NAME_ATTRIBUTES.map((name) => element.getAttribute(name))]);
  const tag = element.localName;
  let said = BY_TAG_NAME.get(tag);
  if (said === undefined) BY_TAG_NAME.set(tag, (said = namesSay([tag])));
  return said;
}

function namesSay(parts: (string | null | undefined)[]): 'never' | 'furniture' | null {
  // The tag name too: custom elements name themselves ("amp-ad"); no HTML tag is a furniture word
  // that is not skipped anyway. join() writes a missing attribute (null) as nothing.
  const names = parts
    .join(' ')
    .replace(/([a-z])(?=[A-Z])/g, '$1 ')
    .toLowerCase();
  let previous = '';
  let found: 'furniture' | null = null;
  for (const word of names.split(WORD_SPLIT)) {
    if (NEVER_STORY_WORD.test(word)) return 'never';
    if (FURNITURE_WORD.test(word) || FURNITURE_WORD.test(previous + word)) found = 'furniture';
    previous = word;
  }
  return found;
}

/**
 * Whether an element's class or id names the story's text ("article-body", "entry-content",
 * "storyText"), furniture words beside it or not: Vox's "l-sidebar-fixed l-article-body-segment" (a
 * layout with a sidebar), Polygraph's "article-content … fb-quotable" (Facebook's quote button).
 */
export function namesStory(element: Element): boolean {
  return /(?:article|story|entry|post)[ _-]?(?:body|content|text)/i.test(`${element.getAttribute('class')} ${element.id}`);
}

/** display:none or visibility:hidden in a style attribute (read as text: `element.style` builds a CSSOM object per element). */
const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

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

/** Share of an element's text that is link text. */
export function linkDensity(element: Element): number {
  // Inside a link (a teaser card whose whole summary is the link) it is all link text.
  if (element.closest('a')) return 1;
  // Most paragraphs have no link: asking for a live list of them (and its length) cost 70 ms on a 1 MB article.
  if (!element.querySelector('a')) return 0;
  const links = element.getElementsByTagName('a');
  const total = (element.textContent ?? '').trim().length;
  let linked = 0;
  for (const link of links) linked += (link.textContent ?? '').trim().length;
  return total === 0 ? 1 : linked / total;
}

/** Sum of the trimmed lengths of an element's own text nodes (not its descendants'). */
export function ownTextLength(element: Element): number {
  // A container of thousands of paragraphs (a big article's body) has only whitespace between them;
  // XPath tells natively, where reading each child from script costs a wrapper per node (~40 ms).
  const doc = element.ownerDocument;
  if (element.childNodes.length > 64 && typeof doc.evaluate === 'function' && doc.evaluate('count(text()[normalize-space()])', element, null, 1, null).numberValue === 0) return 0;
  let length = 0;
  for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === 3) length += (node as Text).data.trim().length;
  return length;
}

/**
 * Lists whose text is nearly all links are "related" or navigation lists, and a short paragraph that
 * is mostly a link, or a box holding just one link, is a teaser ("Read more: <headline>"), not prose.
 */
function isLinkList(element: Element, root: Element): boolean {
  const tag = element.tagName;
  if (tag === 'UL' || tag === 'OL') return !element.textContent?.trim() || linkDensity(element) >= 0.8;
  const teaser =
    tag === 'DIV'
      ? element.childElementCount === 1 && element.firstElementChild?.tagName === 'A' && ownTextLength(element) === 0
      : tag === 'P' && linkDensity(element) >= 0.7;
  // …unless it is most of the article (a one-paragraph page).
  return teaser && textLength(element, 300) < 300 && holdsLessThanHalf(element, root);
}

/**
 * A teaser card ("Related" boxes, rails of other stories): a small box that opens with a heading
 * that is all link (or with a link wrapping that heading, or with its picture, then that heading),
 * then a summary that reads like news; or a captioned photo without <figure>: a small box that
 * opens with its picture, its caption and credit in elements of their own (text of its own would
 * make it a paragraph with an inline image).
 */
export function isTeaserCard(element: Element | null): boolean {
  const first = element?.firstElementChild;
  const heading = [first, first?.firstElementChild, first?.nextElementSibling].find((candidate) => candidate && HEADING_TAGS.has(candidate.tagName));
  return !!element && (heading ? linkDensity(heading) > 0.9 : /^(?:IMG|PICTURE)$/.test(first?.tagName ?? '') && !ownTextLength(element)) && textLength(element, 600) < 600;
}

/**
 * The length of the text under `element`, summed over its text nodes (`textContent` would build the
 * string), up to `limit`: past it, the count stops. `textContent` of every box a page's paragraphs sit
 * in built a 1 MB string for each of the big ones (a 123-154 ms task finding the article of a 1 MB page).
 */
function textLength(element: Element, limit = Infinity): number {
  let length = 0;
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  for (let node = walker.nextNode(); node && length < limit; node = walker.nextNode()) length += (node as Text).length;
  return length;
}

/**
 * Whether `element` holds less than half of the root's text, by adding up text nodes' lengths
 * (`textContent` would build the strings): the element's, then the rest of the root's only until
 * they outweigh it. A share bar at the end of a 1 MB article costs a few nodes, not a walk over the
 * whole article (~35 ms in one go).
 */
function holdsLessThanHalf(element: Element, root: Element): boolean {
  const inside = textLength(element);
  let outside = 0;
  const rest = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    // FILTER_REJECT (2) skips the element's subtree, FILTER_ACCEPT (1) takes the node.
    acceptNode: (node) => (node === element ? 2 : 1),
  });
  for (let node = rest.nextNode(); node && outside <= inside; node = rest.nextNode()) {
    if (node.nodeType === 3) outside += (node as Text).length;
  }
  return outside > inside;
}

/** Tag, role or attributes say the subtree holds no article text (names and style aside). */
export function skippedByMarkup(element: Element): boolean {
  return (
    SKIPPED_TAGS.has(element.tagName.toUpperCase()) ||
    element.hasAttribute(OWN_UI_ATTRIBUTE) ||
    SKIPPED_ROLE.test(element.getAttribute('role') ?? '') ||
    hiddenByAttributes(element)
  );
}

/**
 * True when the subtree under `element` (a descendant of the article root) holds no article text.
 * `root` is the article root: a "furniture" box holding most of its text is the article itself.
 */
export function isSkipped(element: Element, root: Element): boolean {
  if (skippedByMarkup(element)) return true;
  const name = furnitureName(element);
  // Some sites name the story wrapper "story-author-content" or similar; never skip most of the
  // article, unless it is the comments.
  if (name === 'never' || ((name || isTeaserCard(element)) && holdsLessThanHalf(element, root))) return true;
  if (isLinkList(element, root)) return true;
  // A page hidden as a whole (an anti-flicker style on <body> that a blocked or slow script lifts) hides
  // the root too: style then says nothing about which parts are the story.
  return hiddenByStyle(element) && !hiddenByStyle(root);
}
