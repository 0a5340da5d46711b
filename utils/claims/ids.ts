/**
 * Stable claim ids: a hash of what the claim says (kind, cue, content text) and its occurrence
 * number among identical claims, never of offsets, so edits elsewhere keep ids unchanged.
 * Text is hashed in place (no slicing), with two FNV-1a lanes for a 64-bit id.
 */
import type { Span } from './types';

/**
 * "c" and sixteen hex digits (shift counts wrap at 32, so k > 31 reads lane a), made as one flat
 * string: toString(16) of a lane above 2^30 took a slow runtime path, and the concatenated pieces
 * outlived the call with every claim.
 */
function idOf(a: number, b: number, codes: number[]): string {
  for (let k = 60, j = 1; k >= 0; k -= 4) {
    const x = ((k > 31 ? a : b) >>> k) & 15;
    codes[j++] = x < 10 ? 48 + x : 87 + x;
  }
  return String.fromCharCode(...codes);
}

/**
 * The lane pairs of the ids made so far, open-addressed in one typed array, (0, 0) marking a free
 * slot: a Set of the id strings cost ~0.4 µs per claim, half of making the id (each string hashed
 * anew, and a table that rehashed as it grew). Returns whether the pair was new.
 */
function createPairSet(): (a: number, b: number) => boolean {
  let slots = new Int32Array(2048);
  let size = 0;
  const add = (a: number, b: number): boolean => {
    const mask = slots.length - 2;
    for (let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask; ; i = (i + 2) & mask) {
      const x = slots[i], y = slots[i + 1];
      if (x === a && y === b) return false;
      if (x || y) continue;
      slots[i] = a;
      slots[i + 1] = b;
      if (++size * 4 > slots.length) {
        const old = slots;
        slots = new Int32Array(old.length * 2);
        size = 0;
        // A free slot's (0, 0) is no pair: add() meets a free slot, (0, 0) again, and takes it as held.
        for (let j = 0; j < old.length; j += 2) add(old[j]!, old[j + 1]!);
      }
      return true;
    }
  };
  return add;
}

export interface ClaimKey {
  kind: string;
  cue: Span | null;
  content: readonly Span[];
}

const LANE_A = 0x811c9dc5 | 0;
const LANE_B = 0x050c5d1f | 0;
const PRIME = 0x01000193;

export function createIdMaker(text: string): (key: ClaimKey) => string {
  // Ids made so far, and how often each came again, so repeated identical claims get distinct ids.
  const add = createPairSet();
  const again = new Map<string, number>();
  // One code array for every id: a fresh one per id was a third of the id's allocation.
  const codes = [99];
  return (key: ClaimKey): string => {
    // Both FNV lanes, in locals, over the kind, the cue and each content span, each piece then a 0.
    // The kind and the text each in a loop of its own: one loop over both read two kinds of string.
    let a = LANE_A, b = LANE_B;
    const { kind, cue, content } = key;
    for (let i = 0; i < kind.length; i++) {
      const c = kind.charCodeAt(i);
      a = Math.imul(a ^ c, PRIME);
      b = Math.imul(b ^ c, PRIME);
    }
    a = Math.imul(a, PRIME);
    b = Math.imul(b, PRIME);
    for (let p = -1; p < content.length; p++) {
      const span = p < 0 ? cue : content[p];
      if (!span) continue;
      for (let i = span[0], e = span[1]; i < e; i++) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, PRIME);
        b = Math.imul(b ^ c, PRIME);
      }
      a = Math.imul(a, PRIME);
      b = Math.imul(b, PRIME);
    }
    const id = idOf(a, b, codes);
    if (add(a, b)) return id;
    // The occurrence number keeps repeated identical claims apart.
    const n = (again.get(id) ?? 0) + 1;
    again.set(id, n);
    return idOf(Math.imul(a ^ n, PRIME), Math.imul(b ^ n, PRIME), codes);
  };
}
