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
  // Only repeats touch the Map: one Set insertion answers for a new id, not a Map get and set.
  const seen = new Set<string>();
  const again = new Map<string, number>();
  // One code array for every id: a fresh one per id was a third of the id's allocation.
  const codes = [99];
  return (key: ClaimKey): string => {
    // Both FNV lanes, in locals, over the kind, the cue and each content span, each piece then a 0.
    let a = LANE_A, b = LANE_B;
    const { kind, cue, content } = key;
    for (let p = -2; p < content.length; p++) {
      const span: Span | null | undefined = p < -1 ? [0, kind.length] : p < 0 ? cue : content[p];
      if (!span) continue;
      const str = p < -1 ? kind : text;
      for (let i = span[0], e = span[1]; i < e; i++) {
        const c = str.charCodeAt(i);
        a = Math.imul(a ^ c, PRIME);
        b = Math.imul(b ^ c, PRIME);
      }
      a = Math.imul(a, PRIME);
      b = Math.imul(b, PRIME);
    }
    const id = idOf(a, b, codes);
    const size = seen.size;
    if (seen.add(id).size > size) return id;
    // The occurrence number keeps repeated identical claims apart.
    const n = (again.get(id) ?? 0) + 1;
    again.set(id, n);
    return idOf(Math.imul(a ^ n, PRIME), Math.imul(b ^ n, PRIME), codes);
  };
}
