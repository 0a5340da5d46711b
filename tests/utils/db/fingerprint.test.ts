import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { claimFingerprint, claimId, hash32, hash64, normalizeForMatching } from '../../../utils/db/fingerprint';

describe('claim fingerprint', () => {
  it('matches copies that differ only in typography, case and spacing', () => {
    const wire = claimFingerprint('Ayad Allawi', '“The discussion has started,” he said — and it’s “serious.”');
    const copy = claimFingerprint('AYAD  ALLAWI', '"The discussion has started," he said - and it\'s "serious".');
    expect(copy).toBe(wire);
  });

  it('differs when the speaker or the words differ', () => {
    const base = claimFingerprint('Ayad Allawi', 'the rate rose by twelve percent');
    expect(claimFingerprint('Nouri al-Maliki', 'the rate rose by twelve percent')).not.toBe(base);
    expect(claimFingerprint('Ayad Allawi', 'the rate rose by eleven percent')).not.toBe(base);
    expect(claimFingerprint(null, 'the rate rose by twelve percent')).not.toBe(base);
  });

  it('normalizeForMatching folds compatibility forms and punctuation, keeps letters and digits', () => {
    expect(normalizeForMatching('  Ｆｕｌｌ－width “Quote” 12%  ')).toBe('full width quote 12');
    expect(normalizeForMatching('Café — São Paulo')).toBe('café são paulo');
  });
});

describe('claim id', () => {
  it('is stable for the same page and detector id and differs otherwise', () => {
    const id = claimId('https://example.com/a', 'c-12');
    expect(claimId('https://example.com/a', 'c-12')).toBe(id);
    expect(claimId('https://example.com/b', 'c-12')).not.toBe(id);
    expect(claimId('https://example.com/a', 'c-13')).not.toBe(id);
    expect(id).toMatch(/^c[0-9a-f]{32}$/);
  });

  it('hash64 spreads similar inputs (no collisions over many near-identical keys)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 12 }), { minLength: 200, maxLength: 200 }), (keys) => {
        expect(new Set(keys.map(hash64)).size).toBe(keys.length);
      }),
      { numRuns: 50 },
    );
  });

  it('hash32 is hash64’s first lane (the directory buckets keys by it, as it did by hash64)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (input) => hash32(input) === parseInt(hash64(input).slice(0, 8), 16)));
  });
});
