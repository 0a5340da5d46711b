/** Word-hash sets, so per-token lexicon checks compare integers instead of building strings. */
import { hashWord, Tk, type Tokens } from '../tokens';

/**
 * The single words rules compare a token with, by hash (see isW). One string split: a call per word was
 * 14 B more gzipped. Destructured from an array, each is typed number | undefined, which isW takes.
 */
export const [W_ABOUT, W_ACCORDING, W_TO, W_THAT, W_AND, W_WHILE, W_WHO, W_OF, W_FROM, W_WITH, W_FIRST] =
  'about according to that and while who of from with first'.split(' ').map(hashWord);

/**
 * Lexicon tables are filled on the first detection, not when the script loads: every page loads the
 * content script and most are not articles, and filling them in code that has not run yet cost every
 * page load 6 ms at best and 16 ms typically (40 cold runs on a busy 2-core machine).
 */
const unfilled: (() => void)[] = [];

/** Whether token i is a word in `set`, by hash: no string is built. */
export function inSet(t: Tokens, i: number, set: WordSet): boolean {
  const h = t.hash[i]!; // undefined past the last token, where the kind test fails before h is read
  return t.kind[i] === Tk.Word && set.low[h & 4095] === 1 && set.hashes.has(h);
}

/** A list of words separated by white space, answering both string and token-hash membership (filled by buildLexicon). */
export class WordSet extends Set<string> {
  readonly hashes = new Set<number>();
  /**
   * Which low 12 bits the words' hashes have: most lookups miss, and one byte read rules them out
   * before the Set lookup, which took 4% of detection time (perf, 5 MB of generated news).
   */
  readonly low = new Uint8Array(4096);
  constructor(words: string) {
    super();
    fillOnFirstUse(() => {
      for (const w of words.split(' ')) {
        const h = hashWord(w);
        this.add(w);
        this.hashes.add(h);
        this.low[h & 4095] = 1;
      }
    });
  }
}

/** Fills every lexicon table not filled yet; cheap once done. Detection calls it before anything else. */
export function buildLexicon(): void {
  for (const fill of unfilled.splice(0)) fill();
}

/** Runs `fill` when buildLexicon() is first called. */
export function fillOnFirstUse(fill: () => void): void {
  unfilled.push(fill);
}

/** One set from several lists: shared lists are passed, not interpolated, so each literal stays a plain string. */
export const words = (...lists: string[]): WordSet => new WordSet(lists.join(' '));
