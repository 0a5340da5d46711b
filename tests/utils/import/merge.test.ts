import { describe, expect, it } from 'vitest';
import type { ClaimRecord, PageRecord } from '../../../utils/db/types';
import { reviewKey } from '../../../utils/db/claim-group';
import { describePreview, planMerge, type ExistingRecords } from '../../../utils/import/merge';
import { sampleLibrary } from '../export/sample-library';

const [c1, c2, c3] = sampleLibrary.claims as [ClaimRecord, ClaimRecord, ClaimRecord];
const [p1] = sampleLibrary.pages as [PageRecord, PageRecord];

function existing(claims: ClaimRecord[] = [], pages: PageRecord[] = [], reviewKeys: string[] = []): ExistingRecords {
  return {
    claims: new Map(claims.map((c) => [c.id, c])),
    pages: new Map(pages.map((p) => [p.url, p])),
    reviewKeys: new Set(reviewKeys),
  };
}

describe('planMerge', () => {
  it('adds everything into an empty library, keeping review ids', () => {
    const plan = planMerge(sampleLibrary, existing());
    expect(plan.preview).toEqual({ claims: 3, pages: 2, newClaims: 3, existingClaims: 0, differentVerdict: 0, replacedByFile: 0, newPages: 2, newReviews: 2 });
    expect(plan.claims.map((c) => c.id)).toEqual(['p1:c1', 'p1:c2', 'p2:m1']);
    expect(plan.claims.every((c) => c.site !== undefined)).toBe(true);
    expect(plan.reviews).toEqual(sampleLibrary.reviews);
  });

  it('lets the newer review win and counts different verdicts', () => {
    const oursOlder = { ...c1, status: 'disputed' as const, reviewedAt: c1.reviewedAt! - 1000, createdAt: c1.createdAt - 5000 };
    const oursNewer = { ...c2, status: 'verified' as const, reviewedAt: c2.reviewedAt! + 1000 };
    const oursSame = { ...c3 };
    const plan = planMerge(sampleLibrary, existing([oursOlder, oursNewer, oursSame], [p1]));
    expect(plan.preview).toMatchObject({ newClaims: 0, existingClaims: 3, differentVerdict: 2, replacedByFile: 1, newPages: 1 });
    expect(plan.claims).toEqual([{ ...c1, site: 'news.example.com', createdAt: oursOlder.createdAt }]);
    expect(describePreview(plan.preview)).toBe('3 claims on 2 pages: 0 new, 3 already here — 2 with a different verdict');
  });

  it('keeps history from both: skips entries already stored, keeps the others as in the file', () => {
    const [r1, r2] = sampleLibrary.reviews;
    const plan = planMerge(sampleLibrary, existing([], [], [reviewKey(r1!)]));
    expect(plan.reviews).toEqual([r2]);
    expect(planMerge({ ...sampleLibrary, reviews: [r2!, { ...r2! }] }, existing()).reviews).toEqual([r2]);
  });

  it('merges page details: earliest first visit, latest last visit, our title unless empty', () => {
    const ours = { ...p1, title: '', firstSeen: p1.firstSeen + 10, lastSeen: p1.lastSeen + 10 };
    const plan = planMerge({ pages: [p1], claims: [], reviews: [] }, existing([], [ours]));
    expect(plan.pages).toEqual([{ ...ours, title: p1.title, firstSeen: p1.firstSeen }]);
    expect(planMerge({ pages: [p1], claims: [], reviews: [] }, existing([], [p1])).pages).toEqual([]);
  });
});

describe('describePreview', () => {
  it('says what an import will do', () => {
    expect(describePreview({ claims: 120, pages: 14, newClaims: 100, existingClaims: 20, differentVerdict: 5, replacedByFile: 3, newPages: 10, newReviews: 40 })).toBe(
      '120 claims on 14 pages: 100 new, 20 already here — 5 with a different verdict',
    );
    expect(describePreview({ claims: 1, pages: 1, newClaims: 1, existingClaims: 0, differentVerdict: 0, replacedByFile: 0, newPages: 1, newReviews: 0 })).toBe(
      '1 claim on 1 page: 1 new, 0 already here',
    );
  });
});
