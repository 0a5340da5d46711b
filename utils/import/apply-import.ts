import type { Table } from 'dexie';
import type { ClaimTrailDb } from '../db/database';
import { guarded } from '../db/errors';
import type { LibrarySnapshot } from '../export/library';
import { planMerge, reviewKey, type ExistingRecords, type ImportPreview } from './merge';

/**
 * The stored records among `keys`. In Chromium every IndexedDB request is a separate round trip to
 * the browser process that costs far more than its bytes, so this asks for all primary keys in one
 * request first and fetches only the keys that are there: nothing when the library has none of them
 * (a restore into an empty library, a new colleague's file), and one getAll when it has many (a
 * re-imported backup) rather than one get per record.
 */
async function storedAmong<T, K extends string, I>(table: Table<T, K, I>, keys: readonly K[], keyOf: (record: T) => K): Promise<T[]> {
  const stored = new Set(await table.toCollection().primaryKeys());
  const hits = keys.filter((key) => stored.has(key));
  if (hits.length === 0) return [];
  if (hits.length * 4 < stored.size) return (await table.bulkGet(hits)).filter((record): record is T => record !== undefined);
  const wanted = new Set(hits);
  return (await table.toArray()).filter((record) => wanted.has(keyOf(record)));
}

async function readExisting(db: ClaimTrailDb, incoming: LibrarySnapshot): Promise<ExistingRecords> {
  const [claims, pages, reviewIds] = await Promise.all([
    storedAmong(db.claims, incoming.claims.map((c) => c.id), (c) => c.id),
    storedAmong(db.pages, incoming.pages.map((p) => p.url), (p) => p.url),
    db.reviews.toCollection().primaryKeys(),
  ]);
  // History is only ever stored with its claim (deleting a claim deletes it), so only claims already here can have some.
  // The same trade as storedAmong: an index walk for a few claims, one getAll for many.
  const storedIds = new Set(claims.map((c) => c.id));
  const reviews = storedIds.size === 0 ? []
    : storedIds.size * 4 < reviewIds.length ? await db.reviews.where('claimId').anyOf([...storedIds]).toArray()
    : (await db.reviews.toArray()).filter((r) => storedIds.has(r.claimId));
  return {
    claims: new Map(claims.map((c) => [c.id, c])),
    pages: new Map(pages.map((p) => [p.url, p])),
    reviewKeys: new Set(reviews.map(reviewKey)),
    reviewIds: new Set(reviewIds.filter((id): id is number => typeof id === 'number')),
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
