/**
 * Stable claim ids: a hash of what the claim says (kind, cue, content text) and its occurrence
 * number among identical claims, never of offsets, so edits elsewhere keep ids unchanged.
 * Text is hashed in place (no slicing), with two FNV-1a lanes for a 64-bit id.
 */
import type { Span } from './types';

/** "c" and sixteen hex digits, written as char codes: one flat string, not a chain of concatenations. */
const ID_CODES: number[] = new Array<number>(17).fill(99);
function idOf(a: number, b: number): string {
  for (let i = 0; i < 16; i++) {
    const nibble = ((i < 8 ? a : b) >>> (28 - 4 * (i & 7))) & 15;
    ID_CODES[i + 1] = nibble < 10 ? 48 + nibble : 87 + nibble;
  }
  // apply() with a plain array: spreading a typed array goes through its iterator, ten times slower.
  return String.fromCharCode.apply(null, ID_CODES);
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
 * Occurrences per (a, b) lane pair in an open-addressed table of Int32 triples [a, b, count + 1]
 * (0 marks a free slot): no Map entry or array per claim, which cost more than all the hashing.
 */
class OccurrenceTable {
  private slots = new Int32Array(3 * 1024);
  private mask = 1023;
  private used = 0;

  /** How many times (a, b) was seen before this call. */
  next(a: number, b: number): number {
    if (2 * (this.used + 1) > this.mask + 1) this.grow();
    const i = this.slotOf(this.slots, this.mask, a, b);
    const n = this.slots[i + 2] ?? 0;
    if (n === 0) {
      this.used++;
      this.slots[i] = a;
      this.slots[i + 1] = b;
    }
    this.slots[i + 2] = n + 1;
    return n === 0 ? 0 : n;
  }

  private slotOf(slots: Int32Array, mask: number, a: number, b: number): number {
    let h = Math.imul(a ^ (b >>> 15), PRIME) & mask;
    while ((slots[3 * h + 2] ?? 0) !== 0 && (slots[3 * h] !== a || slots[3 * h + 1] !== b)) h = (h + 1) & mask;
    return 3 * h;
  }

  private grow(): void {
    const old = this.slots;
    const mask = 2 * this.mask + 1;
    const slots = new Int32Array(3 * (mask + 1));
    for (let i = 0; i < old.length; i += 3) {
      if ((old[i + 2] ?? 0) === 0) continue;
      const j = this.slotOf(slots, mask, old[i] ?? 0, old[i + 1] ?? 0);
      slots[j] = old[i] ?? 0;
      slots[j + 1] = old[i + 1] ?? 0;
      slots[j + 2] = old[i + 2] ?? 0;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

export function createIdMaker(text: string): (key: ClaimKey) => string {
  const seen = new OccurrenceTable();
  const lanes = new Int32Array(2);
  return (key: ClaimKey): string => {
    lanes[0] = LANE_A;
    lanes[1] = LANE_B;
    mixRange(key.kind, 0, key.kind.length, lanes);
    if (key.cue) mixRange(text, key.cue[0], key.cue[1], lanes);
    for (const [s, e] of key.content) mixRange(text, s, e, lanes);
    const a = lanes[0] ?? 0, b = lanes[1] ?? 0;
    const n = seen.next(a, b);
    if (n === 0) return idOf(a, b);
    // The occurrence number keeps repeated identical claims apart.
    return idOf(Math.imul(a ^ n, PRIME), Math.imul(b ^ n, PRIME));
  };
}
