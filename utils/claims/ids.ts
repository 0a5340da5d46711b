/**
 * Stable claim ids: a hash of what the claim says (kind, cue, content text) and its occurrence
 * number among identical claims, never of offsets, so edits elsewhere keep ids unchanged.
 * Text is hashed in place (no slicing), with two FNV-1a lanes for a 64-bit id.
 */
import type { Span } from './types';

const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));

/** Eight lower-case hex digits of a 32-bit value; a table of byte strings beats toString(16) by ~8x. */
function hex8(h: number): string {
  return (HEX_BYTES[h >>> 24] ?? '') + (HEX_BYTES[(h >>> 16) & 255] ?? '') + (HEX_BYTES[(h >>> 8) & 255] ?? '') + (HEX_BYTES[h & 255] ?? '');
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

/**
 * Counts of each 64-bit base id seen so far: open addressing over typed arrays, since a Map
 * keyed by 53-bit numbers boxes every key and hashing 35,000 of them cost more than the ids did.
 */
class Occurrences {
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  private count = new Int32Array(1024);
  private used = 0;

  /** How many times (a, b) was seen before this call. */
  bump(a: number, b: number): number {
    if ((this.used + 1) * 2 > this.count.length) this.grow();
    const i = this.slot(a, b);
    const c = this.count[i] ?? 0;
    if (c === 0) { this.a[i] = a; this.b[i] = b; this.used++; }
    this.count[i] = c + 1;
    return c;
  }

  /** The slot holding (a, b), or the empty slot where it goes. */
  private slot(a: number, b: number): number {
    const mask = this.count.length - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (this.count[i] !== 0 && (this.a[i] !== a || this.b[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { a, b, count } = this;
    this.a = new Int32Array(count.length * 2);
    this.b = new Int32Array(count.length * 2);
    this.count = new Int32Array(count.length * 2);
    for (let i = 0; i < count.length; i++) {
      if (count[i] === 0) continue;
      const j = this.slot(a[i] ?? 0, b[i] ?? 0);
      this.a[j] = a[i] ?? 0; this.b[j] = b[i] ?? 0; this.count[j] = count[i] ?? 0;
    }
  }
}

export function createIdMaker(text: string): (key: ClaimKey) => string {
  const seen = new Occurrences();
  const lanes = new Int32Array(2);
  return (key: ClaimKey): string => {
    lanes[0] = LANE_A;
    lanes[1] = LANE_B;
    mixRange(key.kind, 0, key.kind.length, lanes);
    if (key.cue) mixRange(text, key.cue[0], key.cue[1], lanes);
    for (const [s, e] of key.content) mixRange(text, s, e, lanes);
    const a = lanes[0] ?? 0, b = lanes[1] ?? 0;
    const n = seen.bump(a, b);
    if (n === 0) return 'c' + hex8(a) + hex8(b);
    // The occurrence number keeps repeated identical claims apart.
    return 'c' + hex8(Math.imul(a ^ n, PRIME)) + hex8(Math.imul(b ^ n, PRIME));
  };
}
