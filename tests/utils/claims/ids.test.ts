import { describe, expect, it } from 'vitest';
import { createIdMaker } from '../../../utils/claims/ids';

describe('createIdMaker', () => {
  const text = 'He said yes. He said yes. She said no.';
  it('depends on the text of the claim, not its offset', () => {
    const a = createIdMaker(text)({ kind: 'indirect', cue: [3, 7], content: [[8, 11]] });
    const b = createIdMaker(text)({ kind: 'indirect', cue: [16, 20], content: [[21, 24]] });
    expect(a).toBe(b);
    expect(a).toMatch(/^c[0-9a-f]{16}$/);
  });

  it('keeps the ids earlier versions made: stored claims are keyed by them', () => {
    const make = createIdMaker(text);
    expect(make({ kind: 'indirect', cue: [3, 7], content: [[8, 11]] })).toBe('c9acf4bed162efbab');
    expect(make({ kind: 'indirect', cue: [16, 20], content: [[21, 24]] })).toBe('ca054848495f62c9e');
    expect(make({ kind: 'mixed', cue: null, content: [[0, 2], [8, 11]] })).toBe('c1013c3c8deba7afa');
  });

  it('numbers repeated identical claims apart', () => {
    const make = createIdMaker(text);
    const a = make({ kind: 'indirect', cue: [3, 7], content: [[8, 11]] });
    const b = make({ kind: 'indirect', cue: [16, 20], content: [[21, 24]] });
    expect(a).not.toBe(b);
  });

  it('changes with the kind, cue or content', () => {
    const make = () => createIdMaker(text);
    const base = make()({ kind: 'indirect', cue: [3, 7], content: [[8, 11]] });
    expect(make()({ kind: 'direct', cue: [3, 7], content: [[8, 11]] })).not.toBe(base);
    expect(make()({ kind: 'indirect', cue: null, content: [[8, 11]] })).not.toBe(base);
    expect(make()({ kind: 'indirect', cue: [3, 7], content: [[34, 36]] })).not.toBe(base);
  });

  it('keeps counting repeats across thousands of claims', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `claim${i}`);
    const big = words.join(' ');
    const spanOf = (i: number): [number, number] => {
      const start = words.slice(0, i).reduce((n, w) => n + w.length + 1, 0);
      return [start, start + (words[i] ?? '').length];
    };
    const make = createIdMaker(big);
    const firsts = words.map((_, i) => make({ kind: 'direct', cue: null, content: [spanOf(i)] }));
    const seconds = words.map((_, i) => make({ kind: 'direct', cue: null, content: [spanOf(i)] }));
    expect(new Set([...firsts, ...seconds]).size).toBe(6000);
    // The second sighting of a claim gets the same id whether or not 5,998 others came between.
    const small = createIdMaker(big);
    small({ kind: 'direct', cue: null, content: [spanOf(7)] });
    expect(small({ kind: 'direct', cue: null, content: [spanOf(7)] })).toBe(seconds[7]);
  });
});
