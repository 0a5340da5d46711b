import type { Table } from 'dexie';
import { ClaimGroupEdits, reviewKey, type ClaimGroup } from '../db/claim-group';
import type { ClaimTrailDb } from '../db/database';
import { pagesWith } from '../db/directory';
import { guarded } from '../db/errors';
import { writeGroupEdits } from '../db/operations';
import type { LibrarySnapshot } from '../export/library';
import { planMerge, type ExistingRecords, type ImportPreview } from './merge';

/**
 * The stored records among `keys`. In Chromium every IndexedDB request is a separate round trip to
 * the browser process that costs far more than its bytes, so this asks for all primary keys in one
 * request first and fetches only the keys that are there: nothing when the library has none of them
 * (a restore into an empty library, a new colleague's file), and one getAll when it has many (a
 * re-imported backup) rather than one get per record.
 */
async function storedAmong<T, K extends string, I>(table: Table<T, K, I>, keys: readonly K[], keyOf: (record: T) => K): Promise<{ hits: T[]; stored: number }> {
  const stored = new Set(await table.toCollection().primaryKeys());
  const hits = keys.filter((key) => stored.has(key));
  if (hits.length === 0) return { hits: [], stored: stored.size };
  if (hits.length * 4 < stored.size) return { hits: (await table.bulkGet(hits)).filter((record): record is T => record !== undefined), stored: stored.size };
  const wanted = new Set(hits);
  return { hits: (await table.toArray()).filter((record) => wanted.has(keyOf(record))), stored: stored.size };
}

/**
 * The stored groups an import touches: those of the file's pages, and any other holding one of the
 * file's claims (a claim the file files under another page than ours), found through the directory.
 */
async function groupsTouched(db: ClaimTrailDb, incoming: LibrarySnapshot): Promise<ClaimGroup[]> {
  const pageUrls = [...new Set(incoming.claims.map((c) => c.pageUrl))];
  const { hits, stored } = await storedAmong(db.claimGroups, pageUrls, (g) => g.pageUrl);
  if (stored === hits.length) return hits;
  const here = new Set(hits.flatMap((g) => g.claims.map((c) => c.id)));
  const loaded = new Set(hits.map((g) => g.pageUrl));
  const elsewhere = (await pagesWith(db.directory, 'id', incoming.claims.filter((c) => !here.has(c.id)).map((c) => c.id))).filter((url) => !loaded.has(url));
  if (elsewhere.length === 0) return hits;
  return [...hits, ...(await db.claimGroups.bulkGet(elsewhere)).filter((g): g is ClaimGroup => g !== undefined)];
}

async function readExisting(db: ClaimTrailDb, incoming: LibrarySnapshot): Promise<{ existing: ExistingRecords; groups: ClaimGroup[] }> {
  const [groups, pages] = await Promise.all([
    groupsTouched(db, incoming),
    storedAmong(db.pages, incoming.pages.map((p) => p.url), (p) => p.url),
  ]);
  return {
    groups,
    existing: {
      claims: new Map(groups.flatMap((g) => g.claims.map((c) => [c.id, c] as const))),
      pages: new Map(pages.hits.map((p) => [p.url, p])),
      reviewKeys: new Set(groups.flatMap((g) => g.reviews.map(reviewKey))),
    },
  };
}

/** What importing would do, read in one snapshot of the database; writes nothing. */
export function previewImport(db: ClaimTrailDb, incoming: LibrarySnapshot): Promise<ImportPreview> {
  return guarded(() =>
    db.transaction('r', db.pages, db.claimGroups, db.directory, async () => planMerge(incoming, (await readExisting(db, incoming)).existing).preview),
  );
}

/**
 * Writes an import in ONE read-write transaction over pages, claim groups and their directory: the merge is decided
 * again inside it (the library may have changed since the preview), and any failure — quota, a closed
 * tab, a crash — leaves the database exactly as it was. Claims and their history are written one
 * record per page (see SCHEMA_V4).
 */
export function applyImport(db: ClaimTrailDb, incoming: LibrarySnapshot): Promise<ImportPreview> {
  return guarded(() =>
    db.transaction('rw', db.pages, db.claimGroups, db.directory, async () => {
      const { existing, groups } = await readExisting(db, incoming);
      const plan = planMerge(incoming, existing);
      const edits = new ClaimGroupEdits(groups);
      for (const claim of plan.claims) edits.putClaim(claim);
      // Every entry's claim is in the file, so it is stored by now (ours, or the file's just put).
      for (const review of plan.reviews) edits.addReview(review);
      await db.pages.bulkPut(plan.pages);
      await writeGroupEdits(db, edits);
      return plan.preview;
    }),
  );
}
