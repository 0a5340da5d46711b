// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { intersection, jaccard, mergeSpans, normaliseGoldSpans, spansLength } from '../../../scripts/lib/spans';

describe('span arithmetic', () => {
  it('merges overlapping and touching fragments after sorting', () => {
    expect(mergeSpans([[10, 12], [0, 3], [3, 5], [11, 20], [30, 31]])).toEqual([[0, 5], [10, 20], [30, 31]]);
  });

  it('does not mutate its input', () => {
    const input: [number, number][] = [[0, 3], [2, 5]];
    mergeSpans(input);
    expect(input).toEqual([[0, 3], [2, 5]]);
  });

  it('normalises gold spans like the converter: empty fragments dropped first', () => {
    expect(normaliseGoldSpans([[5, 5], [0, 4], [7, 9]])).toEqual([[0, 4], [7, 9]]);
    expect(mergeSpans([[5, 5], [0, 4], [7, 9]])).toEqual([[0, 4], [5, 5], [7, 9]]);
  });

  it('counts lengths, intersections and Jaccard in characters', () => {
    expect(spansLength([[0, 4], [10, 13]])).toBe(7);
    expect(intersection([[0, 4], [10, 13]], [[2, 11]])).toBe(3);
    expect(jaccard([[0, 4]], [[2, 6]])).toBeCloseTo(2 / 6);
    expect(jaccard([], [])).toBe(1);
    expect(jaccard([[0, 4]], [])).toBe(0);
  });
});
