import type { ClaimTrailDb } from '../db/database';
import type { ClaimRecord, PageRecord } from '../db/types';
import type { LibrarySnapshot } from './library';

/**
 * The records an export needs, read in one transaction so pages, claims and history agree: the
 * given claims (or all, most recently changed first), their pages, and their review history.
 */
export function collectLibrary(db: ClaimTrailDb, claimIds?: readonly string[]): Promise<LibrarySnapshot> {
  return db.transaction('r', db.pages, db.claims, db.reviews, async () => {
    const claims = claimIds
      ? (await db.claims.bulkGet([...claimIds])).filter((c): c is ClaimRecord => c !== undefined)
      : (await db.claims.toArray()).sort((a, b) => b.updatedAt - a.updatedAt);
    // The whole library includes pages without stored claims too, so a backup restores everything.
    const pages = claimIds
      ? (await db.pages.bulkGet([...new Set(claims.map((c) => c.pageUrl))])).filter((p): p is PageRecord => p !== undefined)
      : await db.pages.toArray();
    const reviews = claimIds
      ? await db.reviews.where('claimId').anyOf(claims.map((c) => c.id)).sortBy('at')
      : await db.reviews.toArray();
    return { pages, claims, reviews };
  });
}
