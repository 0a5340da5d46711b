/**
 * Stable claim ids: a hash of what the claim says (kind, content, cue) and its occurrence
 * number among identical claims, never of offsets, so edits elsewhere keep ids unchanged.
 */

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function createIdMaker(): (key: string) => string {
  const seen = new Map<string, number>();
  const hex = (h: number): string => h.toString(16).padStart(8, '0');
  return (key: string): string => {
    const base = hex(fnv1a(key, 0x811c9dc5)) + hex(fnv1a(key, 0x050c5d1f));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    // The occurrence number keeps repeated identical claims apart without hashing offsets.
    return n === 0 ? 'c' + base : 'c' + hex(fnv1a(`${base}#${n}`, 0x811c9dc5)) + hex(fnv1a(`${base}#${n}`, 0x050c5d1f));
  };
}
