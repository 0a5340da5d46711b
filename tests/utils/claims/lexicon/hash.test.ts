import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../../utils/claims';
import { CUE_BY_HASH, CUE_FORM, TITLES } from '../../../../utils/claims/lexicon/en';
import { words } from '../../../../utils/claims/lexicon/hash';
import { hashWord, lexiconBits, tokenize } from '../../../../utils/claims/tokens';

describe('lexicon filling', () => {
  it('builds nothing when the detector is loaded, and everything on the first detection', () => {
    // Every page loads the content script; only article pages detect.
    expect(CUE_BY_HASH.size).toBe(0);
    // Nor has the tokenizer's table of lexicon words: no word has a set's bit.
    expect(lexiconBits(hashWord('president'))).toBe(0);
    expect(tokenize('said president').lex.every((bits) => bits === 0)).toBe(true);
    const text = '“The talks have started,” Vice President Ayad Allawi said on Monday.';
    const first = detectClaims(text);
    expect(CUE_BY_HASH.get(hashWord('said'))?.lemma).toBe('say');
    expect(lexiconBits(hashWord('president')) & TITLES).toBe(TITLES);
    expect(tokenize('President').lex[0]! & TITLES).toBe(TITLES);
    expect(first.claims.map((claim) => claim.speaker?.name)).toEqual(['Ayad Allawi']);
    // Filled once: a second detection finds the same, and the tables did not grow.
    const size = CUE_BY_HASH.size;
    expect(detectClaims(text)).toEqual(first);
    expect(CUE_BY_HASH.size).toBe(size);
  });

  it('has a bit of its own for each word set', () => {
    // Made after every set of the detector (all loaded with it): a set past the 31 that fit beside the cue
    // forms' bit would share one, 1 << 32 being 1. This one takes a bit too: it fails a set early.
    const probe = words('probe');
    expect(probe).not.toBe(CUE_FORM);
    expect(probe).not.toBe(0);
  });
});
