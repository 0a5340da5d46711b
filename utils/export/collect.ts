import type { ClaimTrailDb } from '../db/database';
import { allGroups, claimsWithHistory } from '../db/operations';
import type { PageRecord } from '../db/types';
import type { LibrarySnapshot } from './library';

/**
 * The records an export needs, read in one transaction so pages, claims and history agree: the
 * given claims (or all, most recently changed first), their pages, and their review history.
 */
export function collectLibrary(db: ClaimTrailDb, claimIds?: readonly string[]): Promise<LibrarySnapshot> {
  return db.transaction('r', db.pages, db.claimChunks, db.directory, async () => {
    if (claimIds) {
      const { claims, reviews } = await claimsWithHistory(db, claimIds);
      const pages = (await db.pages.bulkGet([...new Set(claims.map((c) => c.pageUrl))])).filter((p): p is PageRecord => p !== undefined);
      return { pages, claims, reviews: reviews.sort((a, b) => a.at - b.at) };
    }
    // The whole library includes pages without stored claims too, so a backup restores everything.
    const [groups, pages] = await Promise.all([allGroups(db), db.pages.toArray()]);
    return {
      pages,
      claims: groups.flatMap((g) => g.claims).sort((a, b) => b.updatedAt - a.updatedAt),
      reviews: groups.flatMap((g) => g.reviews),
    };
  });
}
