import { describe, expect, it } from 'vitest';
import type { ReviewStatus, StoredSpeaker } from '../../../utils/db/types';
import {
  filterClaims,
  foldForSearch,
  NO_FILTER,
  speakerCounts,
  UNATTRIBUTED,
  type FilterableClaim,
} from '../../../utils/popup/filters';

const person = (name: string, role?: string): StoredSpeaker => ({ name, role, type: 'person' });
const claim = (text: string, speaker: StoredSpeaker | null, status: ReviewStatus = 'unreviewed', note = ''): FilterableClaim => ({
  status,
  note,
  snapshot: { text, speaker },
});

const claims = [
  claim('I can’t see ISIS disappearing', person('Ayad Allawi', 'Iraqi Vice President'), 'verified'),
  claim('The talks have started', person('Ayad Allawi'), 'disputed', 'contradicted by the Pentagon'),
  claim('Sanctions will follow', person('Élise Durand')),
  claim('It was reported that talks stalled', null),
];

describe('filterClaims', () => {
  it('keeps everything with no filter', () => {
    expect(filterClaims(claims, NO_FILTER)).toHaveLength(4);
  });

  it('filters by status', () => {
    expect(filterClaims(claims, { ...NO_FILTER, status: 'unreviewed' }).map((c) => c.snapshot.text)).toEqual([
      'Sanctions will follow',
      'It was reported that talks stalled',
    ]);
  });

  it('filters by speaker, including unattributed claims', () => {
    expect(filterClaims(claims, { ...NO_FILTER, speaker: 'Ayad Allawi' })).toHaveLength(2);
    expect(filterClaims(claims, { ...NO_FILTER, speaker: UNATTRIBUTED })).toEqual([claims[3]]);
  });

  it('searches text, speaker, role and note; words in any order, any case, accents and quote styles folded', () => {
    expect(filterClaims(claims, { ...NO_FILTER, query: "can't" })).toEqual([claims[0]]);
    expect(filterClaims(claims, { ...NO_FILTER, query: 'elise' })).toEqual([claims[2]]);
    expect(filterClaims(claims, { ...NO_FILTER, query: 'pentagon TALKS' })).toEqual([claims[1]]);
    expect(filterClaims(claims, { ...NO_FILTER, query: 'vice president' })).toEqual([claims[0]]);
    expect(filterClaims(claims, { ...NO_FILTER, query: 'nowhere' })).toEqual([]);
  });

  it('combines filters', () => {
    expect(filterClaims(claims, { status: 'disputed', speaker: 'Ayad Allawi', query: 'talks' })).toEqual([claims[1]]);
    expect(filterClaims(claims, { status: 'verified', speaker: 'Ayad Allawi', query: 'talks' })).toEqual([]);
  });
});

describe('speakerCounts', () => {
  it('lists speakers by number of claims, unattributed last', () => {
    expect(speakerCounts(claims)).toEqual([
      { name: 'Ayad Allawi', count: 2 },
      { name: 'Élise Durand', count: 1 },
      { name: UNATTRIBUTED, count: 1 },
    ]);
  });
});

describe('foldForSearch', () => {
  it('folds case, accents and curly quotes', () => {
    expect(foldForSearch('Élise’s “Plan”')).toBe('elise\'s "plan"');
  });
});
