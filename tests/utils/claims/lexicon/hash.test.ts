import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../../utils/claims';
import { CUE_BY_HASH, TITLES } from '../../../../utils/claims/lexicon/en';
import { hashWord } from '../../../../utils/claims/tokens';

describe('lexicon filling', () => {
  it('builds nothing when the detector is loaded, and everything on the first detection', () => {
    // Every page loads the content script; only article pages detect.
    expect(CUE_BY_HASH.size).toBe(0);
    expect(TITLES.size).toBe(0);
    expect(TITLES.hashes.size).toBe(0);
    const text = '“The talks have started,” Vice President Ayad Allawi said on Monday.';
    const first = detectClaims(text);
    expect(CUE_BY_HASH.get(hashWord('said'))?.lemma).toBe('say');
    expect(TITLES.has('president')).toBe(true);
    expect(first.claims.map((claim) => claim.speaker?.name)).toEqual(['Ayad Allawi']);
    // Filled once: a second detection finds the same, and the tables did not grow.
    const size = CUE_BY_HASH.size;
    expect(detectClaims(text)).toEqual(first);
    expect(CUE_BY_HASH.size).toBe(size);
  });
});
