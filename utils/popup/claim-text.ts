import type { ClaimKind } from '../claims/types';

const OPENING_QUOTES = /^["“‘'«„‚‹]/;

/**
 * How a claim reads in a list: a direct quote inside curly quotation marks (as the reader saw it on
 * the page), reported speech as plain text. A trailing comma is where the article's sentence went on
 * ("…started now," Allawi said), so it is dropped rather than shown inside the marks.
 */
export function displayClaimText(kind: ClaimKind, text: string): string {
  const trimmed = text.trim().replace(/,$/, '');
  if (kind !== 'direct' || OPENING_QUOTES.test(trimmed)) return trimmed;
  return `“${trimmed}”`;
}
