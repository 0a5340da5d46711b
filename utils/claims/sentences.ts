/**
 * Paragraph and sentence segmentation over tokens in one linear scan. Every line break ends a
 * paragraph (news text often uses single newlines between paragraphs); sentences end at . ! ?
 * (plus closing quotes/brackets) before a capitalised word, a quote, a number or a break.
 */
import { cueEntryAt } from './cues';
import { CueClass, CUE_PP, DETERMINERS, SOURCE_STOP, SUBJECT_PRONOUNS, TIME_WORDS } from './lexicon/en';
import { inSet } from './lexicon/hash';
import { Dir, facing } from './quotes';
import { firstCode, isApostrophe, isDigit, isTerminal, TEXT_KINDS, TITLE_ABBREVIATIONS, Tk, type Tokens } from './tokens';

/** Long unpunctuated runs are cut so quote pairing and look-arounds stay bounded. */
export const MAX_SENTENCE_TOKENS = 250;

/** A saying verb closed by punctuation, a time or a prepositional phrase: "said.", "asked Monday". */
function closedSayingVerb(t: Tokens, i: number): boolean {
  const e = cueEntryAt(t, i);
  if (e?.cls !== CueClass.Say || e.ing) return false;
  // Past the last token, kind is 0 (the spare tail) or undefined: no word, so no bound test is needed.
  return t.kind[i + 1] !== Tk.Word || inSet(t, i + 1, TIME_WORDS | CUE_PP);
}

export interface Segments {
  /**
   * Token ranges [start, end) of sentences, in order; Break tokens belong to no sentence, so a
   * sentence never crosses a paragraph's end.
   */
  readonly sentStart: number[];
  readonly sentEnd: number[];
  /** Token ranges of paragraphs. */
  readonly paraStart: number[];
  readonly paraEnd: number[];
}

function isCloser(t: Tokens, i: number): boolean {
  if (t.kind[i] === Tk.Quote) {
    const f = facing(firstCode(t, i));
    if (f !== Dir.Either) return f === Dir.Close;
    // A straight mark closes when it is not glued to the following word (past the end, the code is NaN).
    const after = t.text.charCodeAt(t.end[i]!);
    return !(after > 32) || after === 0xa0;
  }
  if (t.kind[i] !== Tk.Punct) return false;
  const ch = t.hash[i]!;
  return ch === 41 || ch === 93 || isApostrophe(ch);
}

function startsSentence(t: Tokens, j: number): boolean {
  const k = t.kind[j];
  if (k === Tk.Word) {
    if (t.cap[j]! & 1) return true;
    return isDigit(firstCode(t, j));
  }
  // A quote mark, a break or the end of the tokens (kind 0 or undefined past the last) starts one.
  if (k !== Tk.Punct) return true;
  const ch = t.hash[j];
  return ch === 40 || ch === 0x2018 || ch === 45 || ch === 0x2014;
}

/**
 * `“Why now?” Trump said.` — a quotation ending in ? or ! (or a period) is not the end of the sentence
 * when its attribution follows: a name or pronoun and a saying verb, or the verb and a name.
 */
const MAX_NAME = 4;
function attributionFollows(t: Tokens, j: number): boolean {
  // Each test below holds only for a word (past the last token, kind is 0 or undefined): no word or bound
  // test of its own.
  if (closedSayingVerb(t, j)) return (t.cap[j + 1]! & 1) === 1;
  if (inSet(t, j, SUBJECT_PRONOUNS)) return closedSayingVerb(t, j + 1);
  let k = j;
  while (k - j < MAX_NAME && t.cap[k]! & 1) k++;
  return k > j && closedSayingVerb(t, k);
}

export function segment(t: Tokens): Segments {
  const sentStart: number[] = [], sentEnd: number[] = [];
  const paraStart: number[] = [], paraEnd: number[] = [];
  const { kind, cap } = t;
  let s = -1; // start of the open sentence
  // Closing a sentence is inlined below (through `end`) so the loop state stays in locals. The end of the
  // tokens closes the last paragraph and sentence as a break does (TEXT_KINDS).
  for (let i = 0; i <= t.length; i++) {
    let end = -1; // token where the open sentence ends (exclusive)
    if (!(kind[i]! & TEXT_KINDS)) {
      end = i;
      if (paraEnd.length < paraStart.length) paraEnd.push(i);
    } else {
      if (s < 0) {
        s = i;
        if (paraEnd.length === paraStart.length) paraStart.push(i);
      }
      if (i - s + 1 >= MAX_SENTENCE_TOKENS) end = i + 1;
      else if (isTerminal(t, i)) {
        let j = i + 1;
        let quoted = false;
        // Past the last token no kind is a quote or punctuation: no bound test is needed.
        while (isCloser(t, j) || isTerminal(t, j)) { if (kind[j] === Tk.Quote) quoted = true; j++; }
        if (startsSentence(t, j) && !(quoted && attributionFollows(t, j))) end = j;
      } else if (cap[i]! & 2) {
        // "U.S." or "Inc." can end a sentence, a title ("Mr.") or an initial ("W.") cannot. A break or the
        // end of the tokens after it ends the sentence.
        let k = i + 1;
        while (isCloser(t, k)) k++;
        const closed = k > i + 1;
        if (!(kind[k]! & TEXT_KINDS)) end = k;
        // Sentence starters that make "U.S. The" or "Inc. He" a boundary: function words of the lexicon.
        else if (!TITLE_ABBREVIATIONS.has(t.hash[i]!) && t.low(i).length > 2 && ((t.cap[k]! & 1 && inSet(t, k, DETERMINERS | SUBJECT_PRONOUNS | SOURCE_STOP)) || (closed && startsSentence(t, k)))) end = k;
      }
      // Scanning resumes at the sentence's end.
      if (end > 0) i = end - 1;
    }
    if (end >= 0 && s >= 0) {
      if (end > s) {
        sentStart.push(s); sentEnd.push(end);
      }
      s = -1;
    }
  }
  return { sentStart, sentEnd, paraStart, paraEnd };
}
