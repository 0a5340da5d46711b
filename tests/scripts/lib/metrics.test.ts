// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../utils/claims/types';
import { AttributionScorer, InvalidSpanError, goldKind, greedyMatch, headWord, normaliseRole, prf } from '../../../scripts/lib/metrics';
import type { RoleSpans } from '../../../scripts/lib/metrics';

/** The span of the n-th occurrence of `part` in `text`. */
function at(text: string, part: string, nth = 0): Span {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(part, i + 1);
  if (i < 0) throw new Error(`"${part}" not in text`);
  return [i, i + part.length];
}

const slices = (text: string, spans: Span[]) => spans.map(([s, e]) => text.slice(s, e));

describe('normaliseRole', () => {
  const text = 'He said: “We are ready,” adding that rain is coming. That is all. that';

  it('trims quote marks, whitespace and trailing punctuation from content and source', () => {
    expect(slices(text, normaliseRole(text, [at(text, ' “We are ready,” ')], 'content'))).toEqual(['We are ready']);
    expect(slices(text, normaliseRole(text, [at(text, 'He ')], 'source'))).toEqual(['He']);
  });

  it('drops a leading lower-case "that " from content only', () => {
    expect(slices(text, normaliseRole(text, [at(text, 'that rain is coming.')], 'content'))).toEqual(['rain is coming']);
    expect(slices(text, normaliseRole(text, [at(text, 'That is all.')], 'content'))).toEqual(['That is all']);
    expect(slices(text, normaliseRole(text, [at(text, 'that rain')], 'source'))).toEqual(['that rain']);
  });

  it('keeps a content that is only "that", but drops it before a further fragment', () => {
    const alone = at(text, 'that', 1);
    expect(slices(text, normaliseRole(text, [alone], 'content'))).toEqual(['that']);
    expect(slices(text, normaliseRole(text, [at(text, 'that '), at(text, 'is all')], 'content'))).toEqual(['is all']);
  });

  it('trims only whitespace from cues, so punctuation cues survive', () => {
    expect(slices(text, normaliseRole(text, [at(text, ': ')], 'cue'))).toEqual([':']);
    expect(slices(text, normaliseRole(text, [at(text, ' said')], 'cue'))).toEqual(['said']);
  });

  it('merges overlapping fragments and drops fragments left empty', () => {
    expect(slices(text, normaliseRole(text, [[3, 7], [0, 5], at(text, '“')], 'content'))).toEqual(['He said']);
  });

  it.each([[[-1, 2]], [[3, 2]], [[0, 999]], [[0.5, 2]]])('rejects the span %j', (span) => {
    expect(() => normaliseRole(text, [span as Span], 'cue', 'pred x')).toThrow(InvalidSpanError);
  });
});

describe('headWord', () => {
  it.each([
    ['Iraqi Vice President Ayad Allawi', 'allawi'],
    ['Ayad Allawi, Iraq’s vice president', 'allawi'],
    ['Mr. Trump', 'trump'],
    ['TRUMP', 'trump'],
    ['he', 'he'],
    ['He', 'he'],
    ["the company's spokesman", 'spokesman'],
    ["Trump's campaign", 'trump'],
    ['The Pentagon', 'pentagon'],
    ['The', 'the'],
    ['officials, who spoke on condition of anonymity', 'officials'],
    ['a spokeswoman (who declined to be named), Jane Roe', 'roe'],
    ['who asked not to be named, a diplomat', 'diplomat'],
    ['U.S. officials', 'u.s'],
  ])('%s → %s', (source, head) => {
    expect(headWord(source)).toBe(head);
  });
});

describe('goldKind', () => {
  const kind = (text: string, ...parts: string[]) => goldKind(text, parts.map((p) => at(text, p)));

  it('is direct when every fragment sits inside double quotes', () => {
    expect(kind('“We are ready,” Smith said.', 'We are ready,')).toBe('direct');
    expect(kind('Smith said: "We are ready."', '"We are ready."')).toBe('direct');
    expect(kind("''We are ready,'' Smith said.", 'We are ready,')).toBe('direct');
    expect(kind('«Nous sommes prêts», a dit Smith.', 'Nous sommes prêts')).toBe('direct');
  });

  it('treats a fragment that ends its paragraph with the quote still open as quoted', () => {
    expect(kind('She said: “The first part.\n\n', 'The first part.')).toBe('direct');
    // As in the reference, only whitespace may follow within three characters: a next
    // paragraph that reopens the quote straight away makes the fragment count as mixed.
    const text = '“The first part.\n\n“The second part,” she said.';
    expect(kind(text, 'The first part.', 'The second part,')).toBe('mixed');
    expect(kind(text, 'The second part,')).toBe('direct');
  });

  it('is mixed when only part is quoted, indirect when nothing is, none without content', () => {
    expect(kind('He called the plan “a disgrace” on Monday.', 'the plan “a disgrace” on Monday')).toBe('mixed');
    expect(kind('“We are ready,” Smith said, adding that rain is coming.', 'We are ready,', 'rain is coming')).toBe('mixed');
    expect(kind('Smith said rain is coming.', 'rain is coming')).toBe('indirect');
    expect(goldKind('anything', [])).toBe('none');
  });
});

describe('prf', () => {
  it('gives percentages with null for 0/0 and F1 0 when one side is 0', () => {
    expect(prf(3, 4, 6)).toEqual({ p: 75, r: 50, f1: 60, tp: 3, pred: 4, gold: 6 });
    expect(prf(0, 0, 0)).toMatchObject({ p: null, r: null, f1: null });
    expect(prf(0, 5, 0)).toMatchObject({ p: 0, r: null, f1: 0 });
    expect(prf(1, 3, 3)).toMatchObject({ p: 33.33, r: 33.33, f1: 33.33 });
  });
});

describe('greedyMatch', () => {
  it('takes the best pairs first, each side once, ties to the lower indices', () => {
    const score = (p: number, g: number) => 10 - Math.abs(p - g);
    expect(greedyMatch([1, 5, 5], [5, 2], () => true, score)).toEqual([[1, 0], [0, 1]]);
    expect(greedyMatch([1, 2], [7], (p, g) => g - p < 6, score)).toEqual([[1, 0]]);
  });
});

describe('AttributionScorer', () => {
  const text = 'Rain is coming, the minister said. “We are ready,” Mr. Smith told reporters. Prices rose.';
  const gold: RoleSpans[] = [
    { source: [at(text, 'the minister')], cue: [at(text, 'said')], content: [at(text, 'Rain is coming,')] },
    { source: [at(text, 'Mr. Smith')], cue: [at(text, 'told')], content: [at(text, 'We are ready,')] },
  ];
  const smith: RoleSpans = { source: [at(text, 'Smith')], cue: [at(text, 'told')], content: [at(text, '“We are ready,”')] };
  const pred: RoleSpans[] = [
    // found through the cue only: 14 shared chars are less than half of the 33-char guess
    { source: [at(text, 'minister')], cue: [at(text, 'said')], content: [at(text, 'Rain is coming, the minister said')] },
    smith,
    { source: [], cue: [], content: [at(text, 'Prices rose.')] },
    smith, // a duplicate is a false positive
  ];

  it('computes every metric as defined (hand-counted)', () => {
    const scorer = new AttributionScorer();
    scorer.addDocument({ id: 'd', text, gold, pred });
    const r = scorer.report();
    expect(r).toMatchObject({ docs: 1, attributions: 2, claims: 4 });
    expect(r.metrics.found).toEqual({ p: 50, r: 100, f1: 66.67, tp: 2, pred: 4, gold: 2 });
    expect(r.metrics['content-exact']).toEqual({ p: 25, r: 50, f1: 33.33, tp: 1, pred: 4, gold: 2 });
    // matched overlap 14 + 12; predicted chars 33 + 12 + 11 + 12; gold chars 14 + 12
    expect(r.metrics['content-overlap']).toEqual({ p: 38.24, r: 100, f1: 55.32, tp: 26, pred: 68, gold: 26 });
    expect(r.metrics['content-overlap|found']).toEqual({ p: 57.78, r: 100, f1: 73.24, tp: 26, pred: 45, gold: 26 });
    expect(r.metrics['source-exact']).toEqual({ p: 0, r: 0, f1: 0, tp: 0, pred: 3, gold: 2 });
    expect(r.metrics['source-head']).toEqual({ p: 66.67, r: 100, f1: 80, tp: 2, pred: 3, gold: 2 });
    expect(r.byKind).toEqual({ direct: { n: 1, foundR: 100, exactR: 100 }, indirect: { n: 1, foundR: 100, exactR: 0 } });
  });

  it('finds by content when at least half of the longer content overlaps, and not below', () => {
    const t = 'Officials said the bridge will reopen in May after repairs.';
    const g: RoleSpans[] = [{ source: [], cue: [], content: [at(t, 'the bridge will reopen in May')] }]; // 29 chars
    const score = (content: Span) => {
      const s = new AttributionScorer();
      s.addDocument({ id: 'd', text: t, gold: g, pred: [{ source: [], cue: [], content: [content] }] });
      return s.report().metrics.found.tp;
    };
    const start = t.indexOf('the bridge');
    expect(score([start, start + 15])).toBe(1); // 15 ≥ 14.5
    expect(score([start, start + 14])).toBe(0);
  });

  it('micro-averages over documents and reports null for metrics with nothing to count', () => {
    const s = new AttributionScorer();
    s.addDocument({ id: 'a', text, gold, pred: [] });
    s.addDocument({ id: 'b', text: 'Nothing here.', gold: [], pred: [] });
    const r = s.report();
    expect(r.docs).toBe(2);
    expect(r.metrics.found).toEqual({ p: null, r: 0, f1: 0, tp: 0, pred: 0, gold: 2 });
    expect(r.metrics['content-overlap|found']).toMatchObject({ p: null, r: null, f1: null });
  });

  it('rejects a prediction whose span does not fit the text', () => {
    const s = new AttributionScorer();
    expect(() => s.addDocument({ id: 'a', text: 'short', gold: [], pred: [{ source: [], cue: [[0, 50]], content: [] }] })).toThrow(/pred a: bad cue span/);
  });
});
