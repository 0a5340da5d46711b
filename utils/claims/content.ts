/**
 * Content boundaries as token ranges. A quotation is taken whole, from its opening to its
 * closing mark, even across sentences and paragraphs; otherwise content stops at the sentence.
 * A fragment may run over paragraphs; its character spans are cut at each break (toSpans in
 * detect.ts), so they never swallow the blank line between blocks.
 */
import { afterDateline, inQuote, is, isCap, isClosingQuote, isOpeningQuote, isPunct, isW, isWord, punctAt, punctIn, quoteAround, type Doc } from './context';
import { cueEntryAt } from './cues';
import type { TokenRange } from './sources';
import { CLAUSE_LINKS, CUE_PREFIX } from './lexicon/en';
import { W_WHO, words } from './lexicon/hash';

/**
 * A group is named by its first quote's index, so its opening mark is that quote's. Every caller's i
 * is in a quote; the fallbacks are there so that a broken invariant cannot make detection throw.
 */
function groupStart(d: Doc, i: number): number {
  return d.q.list[quoteAround(d, i)?.group ?? -1]?.open ?? 0;
}

/** The token after the last closing mark of the multi-paragraph quotation holding token i (every caller's i is in one). */
function groupEnd(d: Doc, i: number): number {
  const { list, of } = d.q;
  // The index into list of the quote holding token i (-1 if a broken invariant left it in none).
  let k = (of[i] ?? 0) - 1;
  const g = list[k]?.group ?? -1;
  while (list[k + 1]?.group === g) k++;
  return (list[k]?.close ?? 0) + 1;
}

export const COORDINATORS = words('and but');

export function isSeparator(d: Doc, i: number): boolean {
  return punctIn(d, i, ',;:\u2014\u2013-') || isClosingQuote(d, i);
}

/** Drops leading separators and trailing punctuation (quote marks are kept). */
export function trim(d: Doc, from: number, to: number): TokenRange {
  let start = from, end = to;
  while (start < end && isPunct(d, start)) start++;
  // A dateline says where the story was filed, not what was said.
  start = afterDateline(d, start, end);
  // A closing quote mark is neither punctuation nor a word: it stays.
  while (end > start && (isPunct(d, end - 1) || is(d, end - 1, CLAUSE_LINKS))) end--;
  return { start, end };
}

/** The quotation opening at `open`, whole. */
export function quoteAt(d: Doc, open: number): TokenRange | null {
  return inQuote(d, open) ? { start: open, end: groupEnd(d, open) } : null;
}

/**
 * Content right of a cue: from `from` to the end of the sentence, or of a quotation begun in it.
 * `relative`: the cue is inside a clause opened by ", who", which its next comma closes.
 */
export function rightContent(d: Doc, from: number, sentEnd: number, relative?: boolean): TokenRange | null {
  let s = from;
  while (s < sentEnd && isPunct(d, s)) s++;
  if (s >= sentEnd) return null;
  let e = coordinationCut(d, s, sentEnd, relative);
  if ((quoteAround(d, e - 1)?.open ?? -1) >= s) e = Math.max(e, groupEnd(d, e - 1));
  else if (isOpeningQuote(d, s)) e = Math.max(e, groupEnd(d, s));
  const r = trim(d, s, e);
  return r.end > r.start ? r : null;
}

/**
 * Content left of a cue, ending before token `end` (the comma or quote mark before the source).
 * A quotation ending there is taken whole; otherwise the clause from `floor`.
 */
export function leftContent(d: Doc, end: number, floor: number): TokenRange | null {
  let e = end;
  while (e > floor && isPunct(d, e - 1)) e--;
  if (e <= floor) return null;
  let s = floor;
  if (isClosingQuote(d, e - 1)) s = Math.min(s, groupStart(d, e - 1));
  else if (inQuote(d, floor)) s = Math.min(s, groupStart(d, floor));
  // The first word of the sentence often is a connective that the quote does not include.
  const r = trim(d, s, e);
  return r.end > r.start ? r : null;
}

export type Kind = 'direct' | 'indirect' | 'mixed';

export function kindOf(d: Doc, frags: readonly TokenRange[]): Kind {
  let quoted = 0, plain = 0;
  for (const r of frags) {
    for (let k = r.start; k < r.end; k++) {
      if (!isWord(d, k)) continue;
      if (inQuote(d, k)) quoted++;
      else plain++;
    }
  }
  return quoted === 0 ? 'indirect' : plain === 0 ? 'direct' : 'mixed';
}

/**
 * "tweeted that X was “a con” and encouraged Americans to…": a second reporting verb joined by
 * "and"/"but" (outside quotes) starts a new predicate, so the content ends before it; so does
 * a relative clause about a name at the end. In "Jones, who has denied wrongdoing, was arrested",
 * the comma that closes the relative clause ends its content: the main clause goes on after it.
 */
function coordinationCut(d: Doc, s: number, e: number, relative?: boolean): number {
  // Within 60 tokens: every cue of a sentence scanned to its end, and "said said said …" (sentences
  // of 250 tokens) took 35-90 ms per 100 KB, up to 15x news. No PolNeAR train or dev cut lies further.
  for (let k = s + 1; k < e - 1 && k < s + 60; k++) {
    if (inQuote(d, k)) continue;
    // ", who is 70" after a name: a relative clause about the name, not part of what was said.
    if (isW(d, k, W_WHO) && punctAt(d, k - 1) === ',' && isCap(d, k - 2)) return k - 1;
    // "…it would help Clinton; endorsement may come later": a semicolon ends what was reported.
    // (A clause that a comma closes has no semicolon in it.)
    if (punctAt(d, k) === (relative ? ',' : ';')) return k;
    if (!is(d, k, COORDINATORS)) continue;
    let v = k + 1;
    if (is(d, v, CUE_PREFIX)) v++;
    const entry = cueEntryAt(d.t, v);
    if (entry && !entry.ing && !entry.nounLike && !isCap(d, v) && !inQuote(d, v)) return k;
  }
  return e;
}
