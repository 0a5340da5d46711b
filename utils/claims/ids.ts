/**
 * Stable claim ids: a hash of what the claim says (kind, cue, content text) and its occurrence
 * number among identical claims, never of offsets, so edits elsewhere keep ids unchanged.
 * Text is hashed in place (no slicing), with two FNV-1a lanes for a 64-bit id.
 */
import type { Span } from './types';

const hex = (lane: number): string => (lane >>> 0).toString(16).padStart(8, '0');

/** "c" and sixteen hex digits. */
function idOf(a: number, b: number): string {
  return 'c' + hex(a) + hex(b);
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
  // Occurrences of each id so far, so repeated identical claims get distinct ids. Keyed by 53 of
  // the 64 bits as a number: string keys made the lookups cost more than the hashing.
  const seen = new Map<number, number>();
  const lanes = new Int32Array(2);
  return (key: ClaimKey): string => {
    lanes[0] = LANE_A;
    lanes[1] = LANE_B;
    mixRange(key.kind, 0, key.kind.length, lanes);
    if (key.cue) mixRange(text, key.cue[0], key.cue[1], lanes);
    for (const [s, e] of key.content) mixRange(text, s, e, lanes);
    const a = lanes[0] ?? 0, b = lanes[1] ?? 0;
    const slot = (a >>> 0) * 0x200000 + (b & 0x1fffff);
    const n = seen.get(slot) ?? 0;
    seen.set(slot, n + 1);
    // The occurrence number keeps repeated identical claims apart.
    return n === 0 ? idOf(a, b) : idOf(Math.imul(a ^ n, PRIME), Math.imul(b ^ n, PRIME));
  };
}
