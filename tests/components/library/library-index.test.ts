import { describe, expect, it } from 'vitest';
import {
  buildIndex, createSearch, EMPTY_FILTER, filterEntries, sortEntries, speakerSummaries, toRows, valueCounts, type HaystackCache,
} from '../../../components/library/library-index';
import type { ClaimRecord } from '../../../utils/db/types';
import { claims, pages } from '../../utils/export/sample-library';

const dismissed: ClaimRecord = { ...claims[0]!, id: 'gone', dismissed: true };
const entries = () => buildIndex([...claims, dismissed], pages);

describe('buildIndex', () => {
  it('leaves out dismissed claims and folds text, speaker, role, note, site and title into the haystack', () => {
    const index = entries();
    expect(index.map((e) => e.claim.id)).toEqual(['p1:c1', 'p1:c2', 'p2:m1']);
    const first = index[0]!;
    expect(first.haystack).toContain('the discussion has started now');
    expect(first.haystack).toContain('iraqi vice president');
    expect(first.haystack).toContain('news.example.com');
    expect(first.haystack).toContain('isis & al-qaida');
    expect(first.speaker).toBe('Ayad Allawi');
    expect(index[2]!.speaker).not.toBe('');
  });

  it('reuses haystacks of unchanged claims and rebuilds changed ones', () => {
    const cache: HaystackCache = new Map();
    buildIndex(claims, pages, cache);
    cache.get('p1:c2')!.haystack = 'stale';
    const again = buildIndex([claims[0]!, claims[1]!, { ...claims[2]!, note: 'fresh words', updatedAt: claims[2]!.updatedAt + 1 }], pages, cache);
    expect(again[1]!.haystack).toBe('stale');
    expect(again[2]!.haystack).toContain('fresh words');
  });
});

describe('filterEntries', () => {
  const ids = (filter: Partial<typeof EMPTY_FILTER>) => filterEntries(entries(), { ...EMPTY_FILTER, ...filter }).map((e) => e.claim.id);

  it('searches every word, case- and accent-insensitively, over claim, speaker, note, site and title', () => {
    expect(ids({ query: 'DISCUSSION allawi' })).toEqual(['p1:c1']);
    expect(ids({ query: 'reuters' })).toEqual(['p1:c1']);
    expect(ids({ query: 'blog.example' })).toEqual(['p2:m1']);
    expect(ids({ query: 'alliance' })).toEqual(['p1:c1', 'p1:c2']);
    expect(ids({ query: 'álliance talks' })).toEqual(['p1:c1', 'p1:c2']);
    expect(ids({ query: 'nowhere' })).toEqual([]);
  });

  it('filters by status, speaker, site and day range', () => {
    expect(ids({ status: 'disputed' })).toEqual(['p1:c2']);
    expect(ids({ speaker: 'the ministry' })).toEqual(['p1:c2']);
    expect(ids({ site: 'blog.example.org' })).toEqual(['p2:m1']);
    const day = (ms: number) => { const d = new Date(ms); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; };
    const reviewed = day(claims[1]!.reviewedAt!);
    expect(ids({ from: reviewed, to: reviewed })).toEqual(['p1:c2']);
    expect(ids({ from: day(claims[2]!.createdAt) })).toEqual(['p2:m1']);
  });
});

describe('sorting and grouping', () => {
  it('sorts newest first by review (else tracking) date, oldest first, or by speaker', () => {
    expect(sortEntries(entries(), 'newest').map((e) => e.claim.id)).toEqual(['p2:m1', 'p1:c2', 'p1:c1']);
    expect(sortEntries(entries(), 'oldest').map((e) => e.claim.id)).toEqual(['p1:c1', 'p1:c2', 'p2:m1']);
    expect(sortEntries(entries(), 'speaker').map((e) => e.speaker)[0]).toBe('Ayad Allawi');
  });

  it('puts a header with the count before each group', () => {
    const rows = toRows(sortEntries(entries(), 'oldest'), 'page');
    expect(rows.map((r) => (r.type === 'group' ? `# ${r.label} (${r.count})` : r.key))).toEqual([
      '# ISIS & al-Qaida: <b>"alliance"</b> [talks] (2)', 'p1:c1', 'p1:c2', '# # Heading\n* item =1+1 (1)', 'p2:m1',
    ]);
    expect(toRows(entries(), 'none').every((r) => r.type === 'claim')).toBe(true);
  });

  it('summarises speakers and counts values', () => {
    const many = buildIndex([...claims, { ...claims[0]!, id: 'x', status: 'disputed' }], pages);
    expect(speakerSummaries(many)[0]).toEqual({ name: 'Ayad Allawi', total: 2, verified: 1, disputed: 1, unreviewed: 0, sites: 1 });
    expect(valueCounts(many, (e) => e.site)).toEqual([{ value: 'news.example.com', count: 3 }, { value: 'blog.example.org', count: 1 }]);
  });
});

describe('createSearch', () => {
  it('answers like filterEntries while typing on, deleting, and changing other filters', () => {
    const index = entries();
    const search = createSearch();
    const steps = [
      { query: 'a' }, { query: 'al' }, { query: 'all' }, { query: 'alli' }, { query: 'alliance t' }, { query: 'alliance ta' },
      { query: 'alliance' }, { query: 'alliance', status: 'disputed' as const }, { query: 'x' }, { query: '' }, { query: 'ISIS' },
    ];
    for (const step of steps) {
      const filter = { ...EMPTY_FILTER, ...step };
      expect(search(index, filter).map((e) => e.claim.id), JSON.stringify(step)).toEqual(filterEntries(index, filter).map((e) => e.claim.id));
    }
  });

  it('narrows the previous result instead of scanning everything', () => {
    const index = entries();
    const search = createSearch();
    expect(search(index, { ...EMPTY_FILTER, query: 'the' }).map((e) => e.claim.id)).toEqual(['p1:c1', 'p1:c2']);
    // An entry that would match now but did not match before cannot appear: proof that only the old result was scanned.
    index[2]!.haystack += ' the';
    expect(search(index, { ...EMPTY_FILTER, query: 'the ' }).map((e) => e.claim.id)).toEqual(['p1:c1', 'p1:c2']);
    expect(search([...index], { ...EMPTY_FILTER, query: 'the ' }).map((e) => e.claim.id)).toEqual(['p1:c1', 'p1:c2', 'p2:m1']);
  });
});
