// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderTable, wrapText } from '../../../scripts/lib/table';

describe('wrapText', () => {
  it('wraps at spaces and hard-breaks words longer than the width', () => {
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('a\nb', 10)).toEqual(['a', 'b']);
  });
});

describe('renderTable', () => {
  it('pads columns, right-aligns numbers and wraps cells over the column limit', () => {
    const out = renderTable(
      [{ header: 'name' }, { header: 'n', align: 'right' }, { header: 'text', maxWidth: 5 }],
      [['a', '7', 'hello world'], ['bcd', '12', 'x']],
    );
    expect(out.split('\n')).toEqual([
      'name   n  text',
      '----  --  -----',
      'a      7  hello',
      '          world',
      'bcd   12  x',
    ]);
  });

  it('keeps control characters from breaking the layout', () => {
    expect(renderTable([{ header: 'h' }], [['a\tb\u0007']])).toBe('h\n----\na b');
  });
});
