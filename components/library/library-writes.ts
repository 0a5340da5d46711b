import type { ClaimTrailDb } from '../../utils/db/database';
import { guarded } from '../../utils/db/errors';
import type { ClaimRecord } from '../../utils/db/types';

/**
 * Saves a note typed in the library. The message protocol addresses claims by page snapshot, which the
 * library does not have, so the note is written here: claim and history entry in one transaction.
 */
export function saveNote(db: ClaimTrailDb, claimId: string, note: string, now = Date.now()): Promise<ClaimRecord | undefined> {
  return guarded(() =>
    db.transaction('rw', db.claims, db.reviews, async () => {
      const claim = await db.claims.get(claimId);
      if (!claim || claim.note === note) return claim;
      const next: ClaimRecord = { ...claim, note, updatedAt: now, reviewedAt: now };
      await db.claims.put(next);
      await db.reviews.add({ claimId, at: now, from: { status: claim.status, note: claim.note }, to: { status: claim.status, note } });
      return next;
    }),
  );
}

/** "Clear all data": every page, claim and history entry, in one transaction. Returns the pages that had claims. */
export function clearAllData(db: ClaimTrailDb): Promise<string[]> {
  return guarded(() =>
    db.transaction('rw', db.pages, db.claims, db.reviews, async () => {
      const pageUrls = (await db.claims.orderBy('pageUrl').uniqueKeys()).map(String);
      await Promise.all([db.pages.clear(), db.claims.clear(), db.reviews.clear()]);
      return pageUrls;
    }),
  );
}

/** Messages carry at most this many ids (the background's limit); bigger selections go in batches. */
export const IDS_PER_MESSAGE = 20_000;

export function batches<T>(items: readonly T[], size = IDS_PER_MESSAGE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
