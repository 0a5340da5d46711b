import { describe as suite, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchor, describe, CONTEXT_LENGTH } from '../../../utils/anchoring';

const ARTICLE = [
  'BAGHDAD — Iraqi Vice President Ayad Allawi said on Monday that the unemployment rate rose by twelve percent last year.',
  'Officials in the ministry disputed the figure, saying the economy was recovering faster than expected.',
  '"The discussion has started," Allawi said, adding that talks would continue into the spring.',
].join('\n\n');

const CLAIM = 'the unemployment rate rose by twelve percent last year';

function selectorsFor(text: string, quote: string) {
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return describe(text, start, start + quote.length);
}

suite('describe', () => {
  it('stores the exact quote, 32 characters of context each side, and the position', () => {
    const s = selectorsFor(ARTICLE, CLAIM);
    const start = ARTICLE.indexOf(CLAIM);
    expect(s.quote.exact).toBe(CLAIM);
    expect(s.quote.prefix).toBe(ARTICLE.slice(start - CONTEXT_LENGTH, start));
    expect(s.quote.suffix).toBe(ARTICLE.slice(start + CLAIM.length, start + CLAIM.length + CONTEXT_LENGTH));
    expect(s.position).toEqual({ type: 'TextPositionSelector', start, end: start + CLAIM.length });
  });

  it('clamps context at the edges of the text', () => {
    const s = describe('Hello world', 0, 5);
    expect(s.quote).toEqual({ type: 'TextQuoteSelector', exact: 'Hello', prefix: '', suffix: ' world' });
  });

  it('clamps out-of-range offsets instead of throwing', () => {
    const s = describe('abc', 2, 99);
    expect(s.position).toEqual({ type: 'TextPositionSelector', start: 2, end: 3 });
    expect(s.quote.exact).toBe('c');
  });
});

suite('anchor', () => {
  const selectors = selectorsFor(ARTICLE, CLAIM);

  it('anchors at the stored position when the text is unchanged', () => {
    expect(anchor(ARTICLE, selectors)).toEqual({
      state: 'anchored',
      start: selectors.position.start,
      end: selectors.position.end,
    });
  });

  it('re-finds moved text exactly (paragraph inserted above)', () => {
    const moved = 'UPDATE: This story has been updated with new figures.\n\n' + ARTICLE;
    const result = anchor(moved, selectors);
    expect(result.state).toBe('anchored');
    if (result.state !== 'anchored') return;
    expect(moved.slice(result.start, result.end)).toBe(CLAIM);
    expect(result.start).toBe(moved.indexOf(CLAIM));
  });

  it('does not trust a position whose text differs from the stored quote', () => {
    const shifted = 'X' + ARTICLE;
    const result = anchor(shifted, selectors);
    expect(result).toEqual({ state: 'anchored', start: selectors.position.start + 1, end: selectors.position.end + 1 });
  });

  it('reports an edit inside the claim as changed, with the current text', () => {
    const edited = ARTICLE.replace('twelve percent', 'eleven percent');
    const result = anchor(edited, selectors);
    expect(result.state).toBe('changed');
    if (result.state !== 'changed') return;
    expect(result.currentText).toBe(edited.slice(result.start, result.end));
    expect(result.currentText).toContain('eleven percent');
    expect(result.start).toBe(edited.indexOf('the unemployment rate'));
  });

  it('orphans a claim whose sentence was deleted', () => {
    const deleted = ARTICLE.replace(/Iraqi Vice President[^.]*\./, 'Iraqi Vice President Ayad Allawi spoke to reporters.');
    expect(anchor(deleted, selectors)).toEqual({ state: 'orphaned' });
  });

  it('never anchors on a lookalike sentence elsewhere once the original is gone (hypothesis/client#7571)', () => {
    const lookalike = ARTICLE.replace(/Iraqi Vice President[^.]*\./, 'Iraqi Vice President Ayad Allawi spoke to reporters.') +
      '\n\nIn a separate report, analysts wrote that the unemployment rate rose by eleven percent last year in Basra.';
    const result = anchor(lookalike, selectors);
    expect(result.state).not.toBe('anchored');
    expect(result).toEqual({ state: 'orphaned' });
  });

  it('prefers the claim edited in place over a closer lookalike elsewhere', () => {
    const both = ARTICLE.replace('rose by twelve percent', 'rose by nearly twelve percent') +
      '\n\nElsewhere the unemployment rate rose by twelve percent last month, analysts said.';
    const result = anchor(both, selectors);
    expect(result.state).toBe('changed');
    if (result.state !== 'changed') return;
    expect(result.start).toBeLessThan(both.indexOf('Elsewhere'));
  });

  it('chooses among repeated exact quotes by context', () => {
    const quote = 'The discussion has started';
    const text = `Headline: "${quote}"\n\nBody text. ${ARTICLE}`;
    const original = describe(ARTICLE, ARTICLE.indexOf(quote), ARTICLE.indexOf(quote) + quote.length);
    const result = anchor(text, original);
    expect(result.state).toBe('anchored');
    if (result.state !== 'anchored') return;
    expect(result.start).toBe(text.lastIndexOf(quote));
  });

  it('orphans an empty quote and handles an empty text', () => {
    expect(anchor('', selectors)).toEqual({ state: 'orphaned' });
    expect(anchor(ARTICLE, describe(ARTICLE, 5, 5))).toEqual({ state: 'orphaned' });
  });

  it('property: a described span is re-found exactly after unrelated edits before it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(ARTICLE.length - 1), fc.integer({ min: 1, max: 80 }), (insert, start, len) => {
        const end = Math.min(ARTICLE.length, start + len);
        const sel = describe(ARTICLE, start, end);
        const edited = insert + ARTICLE;
        const result = anchor(edited, sel);
        expect(result.state).toBe('anchored');
        if (result.state === 'anchored') expect(edited.slice(result.start, result.end)).toBe(sel.quote.exact);
      }),
      { numRuns: 150 },
    );
  });

  it('property: a small edit inside a described span is reported as changed, at that place, with the new text', () => {
    fc.assert(
      fc.property(
        fc.nat(ARTICLE.length - 60),
        fc.integer({ min: 20, max: 60 }),
        fc.nat(),
        fc.constantFrom('#', '##', ''),
        (start, len, offset, replacement) => {
          const end = start + len;
          const sel = describe(ARTICLE, start, end);
          const at = start + 1 + (offset % (len - 2));
          const edited = ARTICLE.slice(0, at) + replacement + ARTICLE.slice(at + 1);
          const result = anchor(edited, sel);
          expect(result.state).toBe('changed');
          if (result.state !== 'changed') return;
          expect(result.currentText).toBe(edited.slice(result.start, result.end));
          expect(Math.abs(result.start - start)).toBeLessThanOrEqual(2);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: an edit inside the quote is never reported as anchored at that place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: CLAIM.length - 2 }), fc.constantFrom('Q', 'zz', ''), (at, replacement) => {
        const start = ARTICLE.indexOf(CLAIM);
        const edited = ARTICLE.slice(0, start + at) + replacement + ARTICLE.slice(start + at + 1);
        const result = anchor(edited, selectors);
        if (result.state === 'anchored') expect(edited.slice(result.start, result.end)).toBe(CLAIM);
        else if (result.state === 'changed') expect(result.currentText).not.toBe(CLAIM);
      }),
      { numRuns: 100 },
    );
  });
});
