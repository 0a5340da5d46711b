import type { Table } from 'dexie';
import { ClaimGroupEdits, isGroup, reviewKey, type ClaimGroup } from '../db/claim-group';
import { ClaimStore } from '../db/claim-store';
import type { ClaimTrailDb } from '../db/database';
import { pagesWith } from '../db/directory';
import { guarded } from '../db/errors';
import type { LibrarySnapshot } from '../export/library';
import { planMerge, type ExistingRecords, type ImportPreview } from './merge';

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

/**
 * The stored groups an import touches: those of the file's pages, and any other holding one of the
 * file's claims (a claim the file files under another page than ours), found through the directory.
 */
async function groupsTouched(db: ClaimTrailDb, store: ClaimStore, incoming: LibrarySnapshot): Promise<ClaimGroup[]> {
  const pageUrls = [...new Set(incoming.claims.map((c) => c.pageUrl))];
  const hits = (await store.groups(pageUrls)).filter(isGroup);
  const here = new Set(hits.flatMap((g) => g.claims.map((c) => c.id)));
  const away = incoming.claims.filter((c) => !here.has(c.id)).map((c) => c.id);
  // Into an empty library (a restore, a new machine) there is nothing elsewhere to look up.
  if (away.length === 0 || (hits.length === 0 && (await db.claimChunks.count()) === 0)) return hits;
  const loaded = new Set(hits.map((g) => g.pageUrl));
  const elsewhere = (await pagesWith(db.directory, 'id', away)).filter((url) => !loaded.has(url));
  if (elsewhere.length === 0) return hits;
  return [...hits, ...(await store.groups(elsewhere)).filter(isGroup)];
}

async function readExisting(db: ClaimTrailDb, store: ClaimStore, incoming: LibrarySnapshot): Promise<{ existing: ExistingRecords; groups: ClaimGroup[] }> {
  const [groups, pages] = await Promise.all([
    groupsTouched(db, store, incoming),
    storedAmong(db.pages, incoming.pages.map((p) => p.url), (p) => p.url),
  ]);
  return {
    groups,
    existing: {
      claims: new Map(groups.flatMap((g) => g.claims.map((c) => [c.id, c] as const))),
      pages: new Map(pages.map((p) => [p.url, p])),
      reviewKeys: new Set(groups.flatMap((g) => g.reviews.map(reviewKey))),
    },
  };
}

/** What importing would do, read in one snapshot of the database; writes nothing. */
export function previewImport(db: ClaimTrailDb, incoming: LibrarySnapshot): Promise<ImportPreview> {
  return guarded(() =>
    db.transaction('r', db.pages, db.claimChunks, db.directory, async () => planMerge(incoming, (await readExisting(db, new ClaimStore(db), incoming)).existing).preview),
  );
}

/**
 * Writes an import in ONE read-write transaction over pages, claim groups and their directory: the merge is decided
 * again inside it (the library may have changed since the preview), and any failure — quota, a closed
 * tab, a crash — leaves the database exactly as it was. Claims and their history are written in
 * records of many pages each (see SCHEMA_V5).
 */
export function applyImport(db: ClaimTrailDb, incoming: LibrarySnapshot): Promise<ImportPreview> {
  return guarded(() =>
    db.transaction('rw', db.pages, db.claimChunks, db.directory, async () => {
      const store = new ClaimStore(db);
      const { existing, groups } = await readExisting(db, store, incoming);
      const plan = planMerge(incoming, existing);
      const edits = new ClaimGroupEdits(groups);
      for (const claim of plan.claims) edits.putClaim(claim);
      // Every entry's claim is in the file, so it is stored by now (ours, or the file's just put).
      for (const review of plan.reviews) edits.addReview(review);
      await db.pages.bulkPut(plan.pages);
      // Packed with their neighbours: ~800 records for 100,000 claims instead of 10,000.
      await store.write(edits.changes(), { bulk: true });
      return plan.preview;
    }),
  );
}
