import { describe, expect, it } from 'vitest';
import type { PaintItem } from '../../../utils/highlight/painter';
import { bandAround, itemsInBand, rangesLeft } from '../../../utils/highlight/window';

/** Claims stacked top to bottom, `gap` px apart, each one range whose rect is looked up by identity. */
function stacked(count: number, gap: number, scrollY = 0) {
  const tops = new Map<Range, number>();
  const items: PaintItem[] = Array.from({ length: count }, (_, index) => {
    const range = document.createRange();
    tops.set(range, index * gap - scrollY);
    return { id: `c${index}`, ranges: [range], status: 'unreviewed' };
  });
  const reads: Range[] = [];
  const rectOf = (range: Range) => {
    reads.push(range);
    const top = tops.get(range);
    return top === undefined ? null : new DOMRect(0, top, 100, 18);
  };
  return { items, rectOf, reads };
}

describe('itemsInBand', () => {
  it('keeps the claims near the viewport, reading few rects', () => {
    const { items, rectOf, reads } = stacked(10_000, 40, 200_000);
    const chosen = itemsInBand(items, bandAround(1000, 2), rectOf);
    const ids = chosen.map((item) => Number(item.id.slice(1)));
    // Viewport at 200,000 px: the band is 198,000 … 203,000 px, claims 4,950 … 5,075.
    expect(ids[0]).toBe(4950);
    expect(ids[ids.length - 1]).toBe(5075);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, index) => 4950 + index));
    expect(reads.length).toBeLessThan(ids.length + 40);
  });

  it('skips claims with no rect and returns nothing for a band past the end', () => {
    const { items, rectOf } = stacked(50, 40);
    const hidden = document.createRange();
    const withHidden: PaintItem[] = [...items.slice(0, 3), { id: 'hidden', ranges: [hidden], status: 'unreviewed' }, ...items.slice(3)];
    expect(itemsInBand(withHidden, { top: 0, bottom: 200 }, rectOf).map((item) => item.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
    expect(itemsInBand(items, { top: 10_000, bottom: 12_000 }, rectOf)).toEqual([]);
  });
});

describe('rangesLeft', () => {
  it('counts ranges, not claims', () => {
    const range = document.createRange();
    const items = [{ id: 'a', ranges: [range, range], status: 'verified' as const }, { id: 'b', ranges: [range], status: 'unreviewed' as const }];
    expect(rangesLeft(items, 2)).toBeLessThan(0);
    expect(rangesLeft(items, 3)).toBe(0);
    expect(rangesLeft(items, 10)).toBe(7);
  });

  it('stops counting once past the limit', () => {
    const range = document.createRange();
    let read = 0;
    const item = { id: 'a', status: 'unreviewed' as const, get ranges() { read += 1; return [range]; } };
    expect(rangesLeft(Array.from({ length: 100 }, () => item), 10)).toBeLessThan(0);
    expect(read).toBe(11);
  });
});
