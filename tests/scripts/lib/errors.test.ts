// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../utils/claims/types';
import { ErrorCollector, spread, topCounts } from '../../../scripts/lib/errors';
import { AttributionScorer } from '../../../scripts/lib/metrics';
import type { RoleSpans, ScoredDocument } from '../../../scripts/lib/metrics';

const at = (text: string, part: string): Span => {
  const i = text.indexOf(part);
  if (i < 0) throw new Error(part);
  return [i, i + part.length];
};

describe('spread and topCounts', () => {
  it('samples evenly across the list', () => {
    expect(spread([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([0, 3, 6]);
    expect(spread([1, 2], 5)).toEqual([1, 2]);
    expect(spread([1, 2], 0)).toEqual([]);
  });

  it('orders counts by frequency, then alphabetically', () => {
    expect(topCounts(new Map([['said', 2], ['told', 5], ['added', 2]]), 2)).toEqual([['told', 5], ['added', 2]]);
  });
});

describe('ErrorCollector', () => {
  const text = 'Rain is coming, the minister said. Prices rose, Smith noted. Trains stop, police warned.';
  const gold: RoleSpans[] = [
    { source: [at(text, 'the minister')], cue: [at(text, 'said')], content: [at(text, 'Rain is coming')] },
    { source: [at(text, 'Smith')], cue: [at(text, 'noted')], content: [at(text, 'Prices rose')] },
    { source: [at(text, 'police')], cue: [at(text, 'warned')], content: [at(text, 'Trains stop')] },
  ];
  const pred: RoleSpans[] = [
    { source: [at(text, 'minister')], cue: [at(text, 'said')], content: [at(text, 'Rain is coming')] }, // right
    { source: [at(text, 'Prices')], cue: [at(text, 'noted')], content: [at(text, 'Prices rose')] }, // wrong source
    { source: [], cue: [], content: [at(text, 'the minister said')] }, // matches nothing
  ];
  const doc: ScoredDocument = { id: 'doc-1', text, gold, pred };

  it('lists misses, unmatched claims and wrong sources, with their cues counted', () => {
    const errors = new ErrorCollector();
    errors.add(doc, new AttributionScorer().addDocument(doc));
    expect(errors.missed).toEqual([{ doc: 'doc-1', kind: 'indirect', source: 'police', cue: 'warned', content: 'Trains stop' }]);
    expect(errors.falsePositives.map((e) => e.content)).toEqual(['the minister said']);
    expect(errors.wrongSource).toEqual([{ doc: 'doc-1', kind: 'indirect', source: 'Smith', cue: 'noted', content: 'Prices rose', predicted: 'Prices' }]);
    expect([...errors.missedCues]).toEqual([['warned', 1]]);
    expect([...errors.falsePositiveCues]).toEqual([['(no cue)', 1]]);
    expect(errors.toJSON(5)).toMatchObject({ missed: 1, falsePositives: 1, wrongSource: 1 });
    expect(errors.render(5)).toMatch(/missed gold attributions \(1 of 1\)[\s\S]*Trains stop/);
  });
});
