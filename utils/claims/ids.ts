/**
 * Stable claim ids: a hash of what the claim says (kind, cue, content text) and its occurrence
 * number among identical claims, never of offsets, so edits elsewhere keep ids unchanged.
 * Text is hashed in place (no slicing), with two FNV-1a lanes for a 64-bit id.
 */
import type { Span } from './types';

function hex8(h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0');
}

export interface ClaimKey {
  kind: string;
  cue: Span | null;
  content: readonly Span[];
}

export function createIdMaker(text: string): (key: ClaimKey) => string {
  const seen = new Map<string, number>();
  let a = 0, b = 0;
  const mix = (c: number): void => {
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  };
  const mixRange = (s: number, e: number): void => {
    for (let i = s; i < e; i++) mix(text.charCodeAt(i));
    mix(0);
  };
  return (key: ClaimKey): string => {
    a = 0x811c9dc5 | 0;
    b = 0x050c5d1f | 0;
    for (let i = 0; i < key.kind.length; i++) mix(key.kind.charCodeAt(i));
    mix(0);
    if (key.cue) mixRange(key.cue[0], key.cue[1]);
    for (const [s, e] of key.content) mixRange(s, e);
    const base = hex8(a >>> 0) + hex8(b >>> 0);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    if (n === 0) return 'c' + base;
    // The occurrence number keeps repeated identical claims apart.
    mix(n);
    return 'c' + hex8(a >>> 0) + hex8(b >>> 0);
  };
}
