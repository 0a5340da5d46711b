import type { ClaimTrailDb } from '../../utils/db/database';
import { guarded } from '../../utils/db/errors';
import { pagesWithClaims } from '../../utils/db/operations';

/** "Clear all data": every page, claim and history entry, in one transaction. Returns the pages that had claims. */
export function clearAllData(db: ClaimTrailDb): Promise<string[]> {
  return guarded(() =>
    db.transaction('rw', db.pages, db.claimChunks, db.directory, async () => {
      const pageUrls = await pagesWithClaims(db);
      await Promise.all([db.pages.clear(), db.claimChunks.clear(), db.directory.clear()]);
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
