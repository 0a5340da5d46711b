/**
 * Paragraph and sentence segmentation over tokens in one linear scan. Every line break ends a
 * paragraph (news text often uses single newlines between paragraphs); sentences end at . ! ?
 * (plus closing quotes/brackets) before a capitalised word, a quote, a number or a break.
 */
import { TITLE_ABBREVIATIONS, Tk, type Tokens } from './tokens';

/** Long unpunctuated runs are cut so quote pairing and look-arounds stay bounded. */
export const MAX_SENTENCE_TOKENS = 250;

export interface Segments {
  /** Token ranges [start, end) of sentences, in order; Break tokens belong to no sentence. */
  readonly sentStart: number[];
  readonly sentEnd: number[];
  /** Paragraph index of each sentence. */
  readonly sentPara: number[];
  /** Sentence index of each token (-1 for breaks). */
  readonly sentOf: Int32Array;
  /** Token ranges of paragraphs. */
  readonly paraStart: number[];
  readonly paraEnd: number[];
}

/** Sentence starters that make "U.S. The" or "Inc. He" a boundary. */
const STARTERS: ReadonlySet<string> = new Set('the a an he she it they we i but and in this that there his her their its our on at for as after when while if so yet still however meanwhile'.split(' '));

function isTerminal(t: Tokens, i: number): boolean {
  if (t.kind[i] !== Tk.Punct) return false;
  const ch = t.hash[i];
  return ch === 46 || ch === 33 || ch === 63 || ch === 0x2026;
}

function isCloser(t: Tokens, i: number): boolean {
  if (t.kind[i] === Tk.Quote) {
    const c = t.text.charCodeAt(t.start[i] ?? 0);
    if (c === 0x201c || c === 0x201e || c === 0xab || c === 96) return false;
    if (c === 0x201d || c === 0xbb) return true;
    // A straight mark closes when it is not glued to the following word.
    const after = t.text.charCodeAt(t.end[i] ?? 0);
    return Number.isNaN(after) || after <= 32 || after === 0xa0;
  }
  if (t.kind[i] !== Tk.Punct) return false;
  const ch = t.hash[i];
  return ch === 41 || ch === 93 || ch === 0x2019 || ch === 39;
}

function startsSentence(t: Tokens, j: number): boolean {
  if (j >= t.length) return true;
  const k = t.kind[j];
  if (k === Tk.Break || k === Tk.Quote) return true;
  if (k === Tk.Word) {
    if (t.cap[j]) return true;
    const c = t.text.charCodeAt(t.start[j] ?? 0);
    return c >= 48 && c <= 57;
  }
  const ch = t.hash[j];
  return ch === 40 || ch === 0x2018 || ch === 45 || ch === 0x2014;
}

export function segment(t: Tokens): Segments {
  const sentStart: number[] = [], sentEnd: number[] = [], sentPara: number[] = [];
  const paraStart: number[] = [], paraEnd: number[] = [];
  const sentOf = new Int32Array(t.length).fill(-1);
  let para = -1;
  let s = -1; // start of the open sentence
  const close = (e: number): void => {
    if (s < 0 || e <= s) { s = -1; return; }
    const idx = sentStart.length;
    sentStart.push(s); sentEnd.push(e); sentPara.push(para);
    for (let k = s; k < e; k++) sentOf[k] = idx;
    s = -1;
  };
  for (let i = 0; i < t.length; i++) {
    if (t.kind[i] === Tk.Break) {
      close(i);
      if (para >= 0 && paraEnd.length === para) paraEnd.push(i);
      continue;
    }
    if (s < 0) {
      s = i;
      if (paraEnd.length === paraStart.length) { para = paraStart.length; paraStart.push(i); }
    }
    if (i - s + 1 >= MAX_SENTENCE_TOKENS) { close(i + 1); continue; }
    let end = -1;
    if (isTerminal(t, i)) {
      let j = i + 1;
      while (j < t.length && (isCloser(t, j) || isTerminal(t, j))) j++;
      if (startsSentence(t, j)) end = j;
    } else if (t.kind[i] === Tk.Word && i + 1 < t.length && t.text.charCodeAt((t.end[i] ?? 1) - 1) === 46) {
      // "U.S." or "Inc." can end a sentence, a title ("Mr.") or an initial ("W.") cannot.
      const w = t.low(i);
      const bare = w.slice(0, -1);
      let next = i + 1;
      while (next < t.length && isCloser(t, next)) next++;
      const closed = next > i + 1;
      if (next >= t.length || t.kind[next] === Tk.Break) end = next;
      else if (!TITLE_ABBREVIATIONS.has(bare) && bare.length > 1 && ((t.kind[next] === Tk.Word && STARTERS.has(t.low(next)) && t.cap[next]) || (closed && startsSentence(t, next)))) end = next;
    }
    if (end > 0) { close(end); i = end - 1; }
  }
  close(t.length);
  if (paraEnd.length < paraStart.length) paraEnd.push(t.length);
  return { sentStart, sentEnd, sentPara, sentOf, paraStart, paraEnd };
}
