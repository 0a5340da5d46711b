import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../../utils/claims';
import { CUE_BY_HASH, TITLES } from '../../../../utils/claims/lexicon/en';
import { words } from '../../../../utils/claims/lexicon/hash';
import { hashWord, lexiconBits, tokenize } from '../../../../utils/claims/tokens';

const CLAIMS_DIR = join(__dirname, '../../../../utils/claims');

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
    // Each words() call takes the next bit after the cue forms' bit 0, so 31 sets fit: a 32nd would wrap
    // to 1 << 32, which is 1, and share the cue forms' bit. Counted in the source, so a set added in any
    // module counts, whatever order the modules load in.
    const sources = readdirSync(CLAIMS_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const calls = sources.reduce((n, file) => n + (readFileSync(join(CLAIMS_DIR, file), 'utf8').match(/\bwords\(/g)?.length ?? 0), 0);
    const sets = calls - 1; // less the definition
    expect(sets).toBeGreaterThan(10);
    expect(sets).toBeLessThanOrEqual(31);
    // Made after every set the detector made when it loaded, the probe takes the next bit: the count above
    // missed none.
    expect(words('probe')).toBe(1 << (sets + 1));
  });
});
