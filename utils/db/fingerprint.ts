/**
 * Identities for stored claims: a stable id per (page, detected claim), and a fingerprint that
 * recognises the same claim on another page (syndicated copies, wire stories).
 */

/** The first lane of hash64 alone, as a number (bucketing 100,000 keys without building their hex). */
export function hash32(input: string): number {
  let h1 = 0x811c9dc5 ^ input.length;
  for (let i = 0; i < input.length; i++) h1 = Math.imul(h1 ^ input.charCodeAt(i), 0x01000193);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h1 = Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  return (h1 ^ (h1 >>> 16)) >>> 0;
}

/** 64-bit string hash (two independent 32-bit FNV-1a/murmur-mixed lanes), as 16 hex digits. */
export function hash64(input: string): string {
  let h1 = 0x811c9dc5 ^ input.length;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h1 = Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b);
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Folds the typographic variants that differ between copies of the same story: case, compatibility
 * forms (NFKC: full-width, ligatures), and all punctuation and symbols — curly or straight quotes,
 * dashes, apostrophes — which become spaces before whitespace is collapsed. Letters (accents kept)
 * and digits are what identify the claim.
 */
export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalized speaker + hash of normalized content. Claims without a speaker match on content alone. */
export function claimFingerprint(speakerName: string | null | undefined, text: string): string {
  return `${normalizeForMatching(speakerName ?? '')}|${hash64(normalizeForMatching(text))}`;
}

/** Database id of a claim: the same detected claim on the same (normalized) page keeps its id. */
export function claimId(pageUrl: string, detectorId: string): string {
  return `c${hash64(`${pageUrl}\u0000${detectorId}`)}${hash64(`${detectorId}\u0000${pageUrl}`)}`;
}
