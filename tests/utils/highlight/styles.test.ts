import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES, highlightCss } from '../../../utils/highlight/styles';

describe('highlightCss', () => {
  it('gives each status its own underline style, so it reads without colour', () => {
    const css = highlightCss(false, 'highlight-api');
    const styleOf = (name: string) => new RegExp(`::highlight\\(${name}\\)\\{[^}]*underline (\\w+)`).exec(css)?.[1];
    expect(['unreviewed', 'verified', 'disputed', 'changed'].map((key) => styleOf(HIGHLIGHT_NAMES[key as 'verified']))).toEqual(['dotted', 'solid', 'wavy', 'double']);
    expect(styleOf(HIGHLIGHT_NAMES.focus)).toBe('solid');
  });

  it('uses another palette on dark pages, and <mark> rules for the fallback', () => {
    expect(highlightCss(true, 'highlight-api')).not.toBe(highlightCss(false, 'highlight-api'));
    const wrap = highlightCss(false, 'wrap');
    expect(wrap).toContain('mark[data-claimtrail="disputed"]{color:inherit;');
    expect(wrap).toContain('mark[data-claimtrail][data-claimtrail-focus]{background-color:');
    expect(wrap).not.toContain('::highlight');
  });
});
