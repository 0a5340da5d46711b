import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimAtPoint, type HitIndex } from '../../../utils/highlight/hit-test';

function rect(left: number, top: number, width: number, height: number): DOMRect {
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) } as DOMRect;
}

function rangeWithRects(rects: DOMRect[]): Range {
  const range = document.createRange();
  range.getClientRects = () => rects as unknown as DOMRectList;
  return range;
}

describe('claimAtPoint', () => {
  afterEach(() => vi.restoreAllMocks());

  const text = document.createTextNode('x');
  const other = document.createTextNode('y');
  const ranges: Record<string, Range[]> = {
    first: [rangeWithRects([rect(10, 10, 100, 20), rect(0, 30, 50, 20)])],
    second: [rangeWithRects([rect(60, 30, 100, 20)])],
  };
  const index: HitIndex = {
    claimsAt: (node) => (node === text ? ['first', 'second'] : []),
    rangesOf: (id) => ranges[id] ?? [],
    all: () => Object.keys(ranges),
  };

  it('finds the claim whose line box holds the point, among claims on the caret’s text node', () => {
    const caret = vi.fn(() => ({ offsetNode: text, offset: 0 }) as unknown as CaretPosition);
    Object.assign(document, { caretPositionFromPoint: caret });
    expect(claimAtPoint(document, 20, 40, index)).toBe('first');
    expect(claimAtPoint(document, 100, 40, index)).toBe('second');
    // Caret snapped to the text from the margin: no rect holds the point.
    expect(claimAtPoint(document, 300, 40, index)).toBeNull();
    expect(caret).toHaveBeenCalledTimes(3);
  });

  it('says no claim when the caret lands on text no claim covers', () => {
    Object.assign(document, { caretPositionFromPoint: () => ({ offsetNode: other, offset: 0 }) });
    expect(claimAtPoint(document, 20, 15, index)).toBeNull();
  });

  it('falls back to checking every claim where no caret API exists', () => {
    Object.assign(document, { caretPositionFromPoint: undefined, caretRangeFromPoint: undefined });
    expect(claimAtPoint(document, 20, 15, index)).toBe('first');
    expect(claimAtPoint(document, 150, 45, index)).toBe('second');
  });
});
