import { describe, expect, it } from 'vitest';
import { applyStoredOrphans, applyStoredState } from '../../../utils/popup/merge';
import { pageClaim, record } from '../../components/fixtures';

describe('applyStoredState', () => {
  const a = pageClaim('a', 'First claim');
  const b = pageClaim('b', 'Second claim');

  it('takes status and note from the database', () => {
    const merged = applyStoredState([a, b], [record(b, { status: 'disputed', note: 'wrong date' })]);
    expect(merged.map((c) => [c.status, c.note])).toEqual([
      ['unreviewed', ''],
      ['disputed', 'wrong date'],
    ]);
  });

  it('keeps a claim the database agrees with as the same object (the popup skips rendering it again)', () => {
    const merged = applyStoredState([a, b], [record(a), record(b, { status: 'verified' })]);
    expect(merged[0]).toBe(a);
    expect(merged[1]).not.toBe(b);
    expect(merged[1]!.status).toBe('verified');
  });

  it('drops claims dismissed as not a claim', () => {
    expect(applyStoredState([a, b], [record(a, { dismissed: true })]).map((c) => c.claimId)).toEqual([b.claimId]);
  });
});

describe('applyStoredOrphans', () => {
  it('shows live state, and drops orphans the page found again or that were dismissed', () => {
    const gone = record(pageClaim('g', 'Gone'), { anchor: 'orphaned' });
    const back = record(pageClaim('b', 'Back'), { anchor: 'orphaned' });
    const dismissed = record(pageClaim('d', 'Dismissed'), { anchor: 'orphaned' });
    const result = applyStoredOrphans(
      [gone, back, dismissed],
      [{ ...gone, status: 'verified' }, { ...dismissed, dismissed: true }],
      [pageClaim('b', 'Back')],
    );
    expect(result.map((r) => [r.id, r.status])).toEqual([[gone.id, 'verified']]);
  });
});
