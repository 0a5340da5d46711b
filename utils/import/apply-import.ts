import type { ClaimTrailDb } from '../db/database';
import { guarded } from '../db/errors';
import type { LibrarySnapshot } from '../export/library';
import { planMerge, reviewKey, type ExistingRecords, type ImportPreview } from './merge';

async function readExisting(db: ClaimTrailDb, incoming: LibrarySnapshot): Promise<ExistingRecords> {
  const claimIds = incoming.claims.map((c) => c.id);
  // Restoring a backup into an empty library is the common big import: skip 100,000 lookups that must miss.
  const [claimCount, pageCount, reviewCount] = await Promise.all([db.claims.count(), db.pages.count(), db.reviews.count()]);
  const [claims, pages, reviews, takenIds] = await Promise.all([
    claimCount === 0 ? [] : db.claims.bulkGet(claimIds),
    pageCount === 0 ? [] : db.pages.bulkGet(incoming.pages.map((p) => p.url)),
    reviewCount === 0 ? [] : db.reviews.where('claimId').anyOf(claimIds).toArray(),
    reviewCount === 0 ? [] : db.reviews.bulkGet(incoming.reviews.flatMap((r) => (r.id === undefined ? [] : [r.id]))),
  ]);
  return {
    claims: new Map(claims.flatMap((c) => (c ? [[c.id, c] as const] : []))),
    pages: new Map(pages.flatMap((p) => (p ? [[p.url, p] as const] : []))),
    reviewKeys: new Set(reviews.map(reviewKey)),
    reviewIds: new Set(takenIds.flatMap((r) => (r?.id === undefined ? [] : [r.id]))),
  };
}

/** What importing would do, read in one snapshot of the database; writes nothing. */
export function previewImport(db: ClaimTrailDb, incoming: LibrarySnapshot): Promise<ImportPreview> {
  return guarded(() =>
    db.transaction('r', db.pages, db.claims, db.reviews, async () => planMerge(incoming, await readExisting(db, incoming)).preview),
  );
}

/**
 * Writes an import in ONE read-write transaction over pages, claims and reviews: the merge is decided
 * again inside it (the library may have changed since the preview), and any failure — quota, a closed
 * tab, a crash — leaves the database exactly as it was.
 */
export function applyImport(db: ClaimTrailDb, incoming: LibrarySnapshot): Promise<ImportPreview> {
  return guarded(() =>
    db.transaction('rw', db.pages, db.claims, db.reviews, async () => {
      const plan = planMerge(incoming, await readExisting(db, incoming));
      await db.pages.bulkPut(plan.pages);
      await db.claims.bulkPut(plan.claims);
      // Entries keeping their id go first, so the fresh ids the others get cannot take one of theirs.
      await db.reviews.bulkAdd(plan.reviews.filter((r) => r.id !== undefined));
      await db.reviews.bulkAdd(plan.reviews.filter((r) => r.id === undefined));
      return plan.preview;
    }),
  );
}
