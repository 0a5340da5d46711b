/**
 * The analysed text shared by the detector's stages: tokens, segments and quotes, and the helpers reading it,
 * in groups (token tests, text, punctuation, quotes, word endings, phrases) in an order that gzips 10 B smaller.
 */
import type { Quote, Quotes } from './quotes';
import type { Segments } from './sentences';
import { inSet, W_BY, type WordSet } from './lexicon/hash';
import { DETERMINERS, NUMBER_WORDS, SUBJECT_PRONOUNS } from './lexicon/en';
import { firstCode, hashWord, isApostrophe, isDigit, lexiconBits, TEXT_KINDS, Tk, type Tokens } from './tokens';

export interface Doc {
  readonly t: Tokens;
  readonly seg: Segments;
  readonly q: Quotes;
}

export function isWord(d: Doc, i: number): boolean {
  return d.t.kind[i] === Tk.Word;
}

export function isPunct(d: Doc, i: number): boolean {
  return d.t.kind[i] === Tk.Punct;
}

export function is(d: Doc, i: number, set: WordSet): boolean {
  return inSet(d.t, i, set);
}

/** Whether token i is a word starting with a capital letter (only words have one: no kind test is needed beside it). */
export function isCap(d: Doc, i: number): boolean {
  return !!(d.t.cap[i]! & 1);
}

/** Whether token i is the word whose hash is `h` (the W_ constants of lexicon/hash): no string is built. */
export function isW(d: Doc, i: number, h: number | undefined): boolean {
  return d.t.kind[i] === Tk.Word && d.t.hash[i] === h;
}

/** A count: "4" in "4 in 10 say", "two" in "two officials said". */
export function isNumber(d: Doc, i: number): boolean {
  return isWord(d, i) && (isDigit(firstCode(d.t, i)) || is(d, i, NUMBER_WORDS));
}

export function lowerAt(d: Doc, i: number): string {
  return d.t.low(i);
}

/** The text of tokens [s, e), a slice of the input: for reading and looking up (speakers keep() a copy of what they keep). */
export function joinText(d: Doc, s: number, e: number): string {
  return e <= s ? '' : d.t.text.slice(d.t.start[s]!, d.t.end[e - 1]!);
}

/** The punctuation character of token i, or '' when it is not punctuation. */
export function punctAt(d: Doc, i: number): string {
  // A punctuation token's hash is its character code; fromCharCode of ASCII allocates nothing.
  return d.t.kind[i] === Tk.Punct ? String.fromCharCode(d.t.hash[i]!) : '';
}

/**
 * Whether token i is punctuation whose character is one of `chars`: a regex test of punctAt cost ~50 ns
 * even on a word's '', and a source's head scan made two per token.
 */
export function punctIn(d: Doc, i: number, chars: string): boolean {
  return d.t.kind[i] === Tk.Punct && chars.includes(String.fromCharCode(d.t.hash[i]!));
}

/** Whether token i is a dash of any length (― — – -): a signature's, a dateline's. */
export function isDash(d: Doc, i: number): boolean {
  return punctIn(d, i, '\u2015\u2014\u2013-');
}

/** The quote holding token i (never list[-1]: a named-property lookup, ~10x slower). */
export function quoteAround(d: Doc, i: number): Quote | undefined {
  const q = d.q.of[i];
  return q ? d.q.list[q - 1] : undefined;
}

export function inQuote(d: Doc, i: number): boolean {
  return !!d.q.of[i];
}

export function isOpeningQuote(d: Doc, i: number): boolean {
  return quoteAround(d, i)?.open === i;
}

export function isClosingQuote(d: Doc, i: number): boolean {
  return quoteAround(d, i)?.close === i && d.t.kind[i] === Tk.Quote;
}

/** "the company's", "Allawi’s". */
export function isPossessive(d: Doc, i: number): boolean {
  if (tailAt(d, i, 1) !== 115) return false;
  return isApostrophe(tailAt(d, i, 2));
}

/** A word ending in "s": a plural, a third-person verb, or a possessive. */
export function endsWithS(d: Doc, i: number): boolean {
  return tailAt(d, i, 1) === 115;
}

/**
 * Whether word i ends in `suffix` (lower-case letters, no k) in any case, as its lower-cased string would:
 * no string is built, and a capitalised word's toLowerCase on two-byte text is a runtime call.
 */
export function endsIn(d: Doc, i: number, suffix: string): boolean {
  // Only A-Z and a-z give a lower-case letter with the 32 bit set; tailAt's 0 gives none.
  for (let j = 1; j <= suffix.length; j++) if ((tailAt(d, i, j) | 32) !== suffix.charCodeAt(suffix.length - j)) return false;
  return true;
}

/** Where word i ends less a contracted verb or a possessive: "He’s" → "He", "I’m" → "I", "the company's" → "the company". */
export function bareEnd(d: Doc, i: number): number {
  const pronoun = contractedPronoun(d, i);
  return pronoun ? d.t.start[i]! + pronoun.length : d.t.end[i]! - (isPossessive(d, i) ? 2 : 0);
}

/** "he’s", "I’m", "we’ve", "they’re", "you’ll", "I'd": the subject pronoun a verb is contracted onto, else ''. */
export function contractedPronoun(d: Doc, i: number): string {
  // Two code reads rule out the tokens with no apostrophe two or three units from their end: nearly all.
  if (!isApostrophe(tailAt(d, i, 2)) && !isApostrophe(tailAt(d, i, 3))) return '';
  const m = /^(\w+)['\u2019](?:s|m|d|re|ve|ll)$/.exec(lowerAt(d, i));
  return m && lexiconBits(hashWord(m[1]!)) & SUBJECT_PRONOUNS ? m[1]! : '';
}

/**
 * "he’s predicting", "who's called for", "Christie's been making the case": a subject with "is" or
 * "has" contracted onto it, not a possessive. Only pronouns, or any word before "been", are read so.
 */
export function isContractedSubject(d: Doc, i: number): boolean {
  return isPossessive(d, i) && (!!contractedPronoun(d, i) || lowerAt(d, i + 1) === 'been');
}

/**
 * The code unit `back` places before the end of word i (1 = last), or 0. Not lower-cased: an upper-case
 * S ends an acronym ("the US state of Louisiana"), not a plural or a third-person verb.
 */
export function tailAt(d: Doc, i: number, back: number): number {
  if (!isWord(d, i)) return 0;
  const at = d.t.end[i]! - back;
  if (at < d.t.start[i]!) return 0;
  return d.t.text.charCodeAt(at);
}

/** Length of the first of `phrases` (word-hash sequences) found at token k, or 0. */
export function phraseAt(d: Doc, k: number, to: number, phrases: readonly (readonly number[])[] | undefined): number {
  if (!phrases || k >= to || !isWord(d, k)) return 0;
  // Most tokens begin no phrase: their hash, read once, rules out each phrase (none is empty) by its
  // first word. A word test per phrase made isFurniture's 24 openers ~3% of detection time (perf).
  const h = d.t.hash[k];
  for (const p of phrases) {
    if (p[0] !== h) continue;
    let j = 1;
    while (j < p.length && k + j < to && isW(d, k + j, p[j])) j++;
    if (j === p.length) return j;
  }
  return 0;
}

/** "by The Washington Post", "by the ministry": a passive's agent after token k (not "by phone", "by saying"). */
export function agentAfter(d: Doc, k: number): boolean {
  return isW(d, k, W_BY) && (isCap(d, k + 1) || is(d, k + 1, DETERMINERS));
}

/**
 * Where a paragraph's text begins after its dateline, if it opens with one: "DALLAS (AP) — The …",
 * "Washington (CNN) — A …". "RENO, Nev. (AP) — …" reaches here as a sentence of its own.
 */
export function afterDateline(d: Doc, start: number, end: number): number {
  if (!(d.t.kind[start - 1]! & TEXT_KINDS) || punctAt(d, start - 1) === '(') {
    let k = start;
    while (k < end && (isCap(d, k) || punctIn(d, k, ',()'))) k++;
    if (isDash(d, k) && isCap(d, k + 1)) return k + 1;
  }
  return start;
}
