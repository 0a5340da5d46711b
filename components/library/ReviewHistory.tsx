import type { ClaimTrailDb } from '../../utils/db/database';
import { reviewHistory } from '../../utils/db/operations';
import type { ReviewState } from '../../utils/db/types';
import { useLiveQuery } from '../useLiveQuery';
import { formatDateTime } from './format';

const STATUS_WORD = { unreviewed: 'not reviewed', verified: 'verified', disputed: 'disputed' } as const;

function change(from: ReviewState, to: ReviewState): string {
  const parts: string[] = [];
  if (from.status !== to.status) parts.push(`${STATUS_WORD[from.status]} → ${STATUS_WORD[to.status]}`);
  if (from.note !== to.note) parts.push(to.note ? `note: “${to.note}”` : 'note removed');
  return parts.join('; ') || 'no change';
}

/** Every recorded change of a claim's verdict and note, oldest first. */
export function ReviewHistory({ db, claimId }: { db: ClaimTrailDb; claimId: string }) {
  const history = useLiveQuery(() => reviewHistory(db, claimId), [db, claimId]);
  if (history.state === 'loading') return <p class="lib-history__empty">Loading history…</p>;
  if (history.state === 'error') return <p class="lib-history__empty" role="alert">{history.error.message}</p>;
  if (history.value.length === 0) return <p class="lib-history__empty">No changes recorded.</p>;
  return (
    <ol class="lib-history">
      {/* History is append-only and oldest first, so a position is a stable key; entries written since
          schema v4 have no numeric id, and two can share a millisecond. */}
      {history.value.map((review, index) => (
        <li key={index}>
          <time dateTime={new Date(review.at).toISOString()}>{formatDateTime(review.at)}</time>: {change(review.from, review.to)}
        </li>
      ))}
    </ol>
  );
}
