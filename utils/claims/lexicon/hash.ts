/** Word-hash sets, so per-token lexicon checks compare integers instead of building strings. */
import { hashWord, Tk, type Tokens } from '../tokens';

/** Hashes of single words, for comparing a token with a word without building its string. */
export function wordHashes<K extends string>(...words: K[]): Readonly<Record<K, number>> {
  const out = {} as Record<K, number>;
  for (const w of words) out[w] = hashWord(w);
  return out;
}

/** A word list answering both string and token-hash membership. */
export class WordSet extends Set<string> {
  readonly hashes: ReadonlySet<number>;
  constructor(words: readonly string[]) {
    super(words);
    this.hashes = new Set(words.map(hashWord));
  }
}

/** Whether token i is a word in `set`, by hash: no string is built. */
export function inSet(t: Tokens, i: number, set: WordSet): boolean {
  return t.kind[i] === Tk.Word && set.hashes.has(t.hash[i] ?? 0);
}
