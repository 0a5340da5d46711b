import type { ReviewStatus } from '../db/types';

export interface ClaimCounts {
  total: number;
  verified: number;
  disputed: number;
  toReview: number;
}

export function countClaims(claims: readonly { status: ReviewStatus }[]): ClaimCounts {
  const counts: ClaimCounts = { total: claims.length, verified: 0, disputed: 0, toReview: 0 };
  for (const { status } of claims) {
    if (status === 'verified') counts.verified++;
    else if (status === 'disputed') counts.disputed++;
    else counts.toReview++;
  }
  return counts;
}

/** "7 claims · 2 verified · 1 disputed · 4 to review" */
export function formatCounts({ total, verified, disputed, toReview }: ClaimCounts): string {
  return [
    `${total} ${total === 1 ? 'claim' : 'claims'}`,
    `${verified} verified`,
    `${disputed} disputed`,
    `${toReview} to review`,
  ].join(' · ');
}
