import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../../utils/claims';
import { CUES, TITLES } from '../../../../utils/claims/lexicon/en';

describe('lexicon filling', () => {
  it('builds nothing when the detector is loaded, and everything on the first detection', () => {
    // Every page loads the content script; only article pages detect.
    expect(CUES.size).toBe(0);
    expect(TITLES.size).toBe(0);
    expect(TITLES.hashes.size).toBe(0);
    const text = '“The talks have started,” Vice President Ayad Allawi said on Monday.';
    const first = detectClaims(text);
    expect(CUES.get('said')?.lemma).toBe('say');
    expect(TITLES.has('president')).toBe(true);
    expect(first.claims.map((claim) => claim.speaker?.name)).toEqual(['Ayad Allawi']);
    // Filled once: a second detection finds the same, and the tables did not grow.
    const size = CUES.size;
    expect(detectClaims(text)).toEqual(first);
    expect(CUES.size).toBe(size);
  });
});
