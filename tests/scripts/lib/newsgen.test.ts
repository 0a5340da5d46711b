// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ADVERSARIAL, generateArticle, generateNews, seededRandom } from '../../../scripts/lib/newsgen';

describe('seededRandom', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(seededRandom(43)()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateNews', () => {
  const text = generateNews(200_000, 1);

  it('is deterministic and exactly the requested length', () => {
    expect(text).toHaveLength(200_000);
    expect(generateNews(200_000, 1)).toBe(text);
    expect(generateNews(200_000, 2)).not.toBe(text);
  });

  it('contains the reporting shapes a detector meets in news', () => {
    for (const shape of [
      /\u201C[^\u201D]+,\u201D said [A-Z][a-z]+ [A-Z]/, // quote, then inverted attribution
      /\w, said (\w+ ){0,4}?that /, // apposition, said that
      /According to [a-z]/,
      /, according to [a-z]/,
      /\b(he|she) (believes|thinks|expects|fears|doubts|hopes|denied|predicted) that/i,
      /told (the Tribune|reporters|the Morning Ledger|a radio station|lawmakers)/,
      /"[^"\n]+," /, // straight quotes
      /''[^'\n]+,'' /, // two-apostrophe quotes
      /\u00AB/, // guillemets
      /\u201C[^\u201D\n]+\.\n\n\u201C/, // a quote carried over a paragraph break
      /so-called \S+green corridor/, // scare quotes
      /said goodbye/,
      /^By [A-Z]/m,
      /Follow [A-Z][a-z]+ [A-Z][a-z]+ on Twitter/,
      /^[A-Z][^.\n]+$/m, // headline without a period
    ]) {
      expect(text).toMatch(shape);
    }
  });

  it('produces articles of about the asked size', () => {
    const a = generateArticle(seededRandom(3), 30_000);
    expect(a.length).toBeGreaterThan(29_000);
    expect(a.length).toBeLessThan(32_000);
  });
});

describe('ADVERSARIAL', () => {
  it.each(Object.keys(ADVERSARIAL))('%s: builds about the asked size, deterministically', (name) => {
    const make = ADVERSARIAL[name];
    if (!make) throw new Error(name);
    const s = make(10_000);
    expect(Math.abs(s.length - 10_000)).toBeLessThan(100);
    expect(make(10_000)).toBe(s);
  });

  it('makes noise that includes control characters and lone surrogates', () => {
    const noise = ADVERSARIAL['binary-looking noise']?.(50_000) ?? '';
    expect([...noise].some((c) => c.charCodeAt(0) < 9)).toBe(true);
    expect(noise).toMatch(/[\uD800-\uDFFF]/);
  });
});
