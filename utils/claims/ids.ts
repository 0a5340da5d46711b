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
  return (key: string): string => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const k = `${key}\u0000${n}`;
    return 'c' + fnv1a(k, 0x811c9dc5).toString(16).padStart(8, '0') + fnv1a(k, 0x050c5d1f).toString(16).padStart(8, '0');
  };
}
