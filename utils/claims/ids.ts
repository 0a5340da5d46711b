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
function idOf(a: number, b: number): string {
  const codes = [99];
  for (let k = 60; k >= 0; k -= 4) {
    const x = ((k > 31 ? a : b) >>> k) & 15;
    codes.push(x < 10 ? 48 + x : 87 + x);
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

/** Both FNV lanes over text[s, e) and a 0 terminator; the lanes live in locals, not a closure. */
function mixRange(text: string, s: number, e: number, lanes: Int32Array): void {
  let a = lanes[0] ?? 0, b = lanes[1] ?? 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, PRIME);
    b = Math.imul(b ^ c, PRIME);
  }
  lanes[0] = Math.imul(a, PRIME);
  lanes[1] = Math.imul(b, PRIME);
}

export function createIdMaker(text: string): (key: ClaimKey) => string {
  // Ids made so far, and how often each came again, so repeated identical claims get distinct ids.
  // Only repeats touch the Map: one Set insertion answers for a new id, not a Map get and set.
  const seen = new Set<string>();
  const again = new Map<string, number>();
  const lanes = new Int32Array(2);
  return (key: ClaimKey): string => {
    lanes[0] = LANE_A;
    lanes[1] = LANE_B;
    mixRange(key.kind, 0, key.kind.length, lanes);
    if (key.cue) mixRange(text, key.cue[0], key.cue[1], lanes);
    for (const [s, e] of key.content) mixRange(text, s, e, lanes);
    const a = lanes[0] ?? 0, b = lanes[1] ?? 0;
    const id = idOf(a, b);
    const size = seen.size;
    if (seen.add(id).size > size) return id;
    // The occurrence number keeps repeated identical claims apart.
    const n = (again.get(id) ?? 0) + 1;
    again.set(id, n);
    return idOf(Math.imul(a ^ n, PRIME), Math.imul(b ^ n, PRIME));
  };
}
