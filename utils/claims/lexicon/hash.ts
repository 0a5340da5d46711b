/** Word-hash sets, so per-token lexicon checks compare integers instead of building strings. */
import { addToLexicon, hashWord, type Tokens } from '../tokens';

/**
 * The single words rules compare a token with, by hash (see isW). One string split: a call per word was
 * 14 B more gzipped. Destructured from an array, each is typed number | undefined, which isW takes.
 */
export const [W_ABOUT, W_ACCORDING, W_TO, W_THAT, W_AND, W_WHILE, W_WHO, W_OF, W_FROM, W_FIRST, W_BY] =
  'about according to that and while who of from first by'.split(' ').map(hashWord);

/**
 * Lexicon tables are filled on the first detection, not when the script loads: every page loads the
 * content script and most are not articles, and filling them in code that has not run yet cost every
 * page load 6 ms at best and 16 ms typically (40 cold runs on a busy 2-core machine).
 */
const unfilled: (() => void)[] = [];

/** Whether token i is a word in `set` (or in any of several or-ed sets), by the bits the tokenizer gave it: no string is built. */
export function inSet(t: Tokens, i: number, set: WordSet): boolean {
  // Past the last token, lex[i] is undefined or 0: no word.
  return (t.lex[i]! & set) !== 0;
}

/**
 * Bit 0 marks the cue forms (lexicon/en); each word set takes the next bit, so there is room for 31 sets:
 * a 32nd would share bit 0 (a test checks the room).
 */
let setBits = 0;

/** Fills every lexicon table not filled yet; cheap once done. Detection calls it before anything else. */
export function buildLexicon(): void {
  for (const fill of unfilled.splice(0)) fill();
}

/** Runs `fill` when buildLexicon() is first called. */
export function fillOnFirstUse(fill: () => void): void {
  unfilled.push(fill);
}

/**
 * A word set is the lexicon bit its words carry in Tokens.lex: membership is one bit test, and sets
 * or-ed together (DETERMINERS | TITLES) test for a word in any of them at once.
 */
export type WordSet = number;

/**
 * One set from several lists (filled by buildLexicon): shared lists are passed, not interpolated, so each
 * literal stays a plain string.
 */
export function words(...lists: string[]): WordSet {
  const bit = 1 << ++setBits;
  fillOnFirstUse(() => {
    for (const w of lists.join(' ').split(' ')) addToLexicon(hashWord(w), bit);
  });
  return bit;
}
