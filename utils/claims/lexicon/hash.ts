/** Word-hash sets, so per-token lexicon checks compare integers instead of building strings. */
import { hashWord } from '../tokens';

export function hashSet(words: Iterable<string>): ReadonlySet<number> {
  const out = new Set<number>();
  for (const w of words) out.add(hashWord(w));
  return out;
}

/** A word list answering both string and token-hash membership. */
export class WordSet extends Set<string> {
  readonly hashes: ReadonlySet<number>;
  constructor(words: readonly string[]) {
    super(words);
    this.hashes = hashSet(words);
  }
}
