import { describe, expect, it } from 'vitest';
import { countClaims, formatCounts } from '../../../utils/popup/counts';

describe('countClaims / formatCounts', () => {
  it('counts each status and words them as the header shows them', () => {
    const statuses = ['verified', 'unreviewed', 'disputed', 'verified', 'unreviewed', 'unreviewed', 'unreviewed'] as const;
    const counts = countClaims(statuses.map((status) => ({ status })));
    expect(counts).toEqual({ total: 7, verified: 2, disputed: 1, toReview: 4 });
    expect(formatCounts(counts)).toBe('7 claims · 2 verified · 1 disputed · 4 to review');
  });

  it('uses the singular for one claim', () => {
    expect(formatCounts(countClaims([{ status: 'disputed' }]))).toBe('1 claim · 0 verified · 1 disputed · 0 to review');
  });
});
