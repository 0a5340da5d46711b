/** Word-hash sets, so per-token lexicon checks compare integers instead of building strings. */
import { hashWord } from '../tokens';

/**
 * A set of word hashes with a bit filter in front: most tokens checked against a lexicon are not
 * in it, and the filter rejects them with one array read instead of a hash-table probe.
 */
export class HashSet {
  private readonly bits: Int32Array;
  private readonly mask: number;
  private readonly members: ReadonlySet<number>;

  constructor(hashes: Iterable<number>, filterBitsLog2 = 12) {
    this.members = new Set(hashes);
    this.mask = (1 << filterBitsLog2) - 1;
    this.bits = new Int32Array(1 << Math.max(0, filterBitsLog2 - 5));
    for (const h of this.members) {
      const k = h & this.mask;
      this.bits[k >>> 5] = (this.bits[k >>> 5] ?? 0) | (1 << (k & 31));
    }
  }

  has(h: number): boolean {
    const k = h & this.mask;
    return ((this.bits[k >>> 5] ?? 0) & (1 << (k & 31))) !== 0 && this.members.has(h);
  }
}

export function hashSet(words: Iterable<string>, filterBitsLog2?: number): HashSet {
  return new HashSet([...words].map(hashWord), filterBitsLog2);
}

/** Hashes of single words, for comparing a token with a word without building its string. */
export function wordHashes<K extends string>(...words: K[]): Readonly<Record<K, number>> {
  const out = {} as Record<K, number>;
  for (const w of words) out[w] = hashWord(w);
  return out;
}

/** A word list answering both string and token-hash membership. */
export class WordSet extends Set<string> {
  readonly hashes: HashSet;
  constructor(words: readonly string[]) {
    super(words);
    this.hashes = hashSet(words);
  }
}
