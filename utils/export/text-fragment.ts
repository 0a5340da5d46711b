import { isWebUrl } from './library';

const WORDS_EACH_END = 5;

/** Text directives need "-", "," and "&" percent-encoded too, since they delimit the directive's parts. */
function encodeDirectivePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/**
 * The page URL with a text fragment (`#:~:text=`, https://wicg.github.io/scroll-to-text-fragment/)
 * that makes the browser itself scroll to and mark the quote: no extension code runs for it, and a
 * browser without support just opens the page. Long quotes are given by their first and last words.
 */
export function textFragmentUrl(pageUrl: string, quote: string): string {
  if (!isWebUrl(pageUrl)) return pageUrl;
  const base = pageUrl.replace(/#.*$/s, '');
  const words = quote.split(/\s+/).filter(Boolean);
  if (words.length === 0) return base;
  const directive = words.length <= WORDS_EACH_END * 2
    ? encodeDirectivePart(words.join(' '))
    : `${encodeDirectivePart(words.slice(0, WORDS_EACH_END).join(' '))},${encodeDirectivePart(words.slice(-WORDS_EACH_END).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}
