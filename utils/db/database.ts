/**
 * The ClaimTrail database, in the extension's origin (background, popup, library — never a content
 * script, whose IndexedDB would be the page's). Created lazily: importing this module opens nothing.
 */
import Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import { siteOf } from '../url/normalize';
import type { ClaimGroup } from './claim-group';
import { groupByPage } from './claim-group';
import { chunksFor, type ClaimChunk } from './claim-chunks';
import type { ClaimChunkTable } from './claim-store';
import { updateDirectory, type DirectoryTable } from './directory';
import type { ClaimRecord, PageRecord, ReviewRecord } from './types';

export const DB_NAME = 'claimtrail';

/** The first schema, kept because older databases are upgraded from it (and a test opens one). */
export const SCHEMA_V1 = {
  pages: 'url, site, lastSeen',
  claims: 'id, pageUrl, fingerprint, status, updatedAt, reviewedAt, speaker.name',
  reviews: '++id, claimId, at',
} as const;

/** v2: claims carry their page's site (denormalized) so the library filters 100k claims by site without a join. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  claims: 'id, pageUrl, fingerprint, status, updatedAt, reviewedAt, speaker.name, site',
} as const;

/**
 * v3: only the indexes a query uses. Every index is one more write per record (an import of 100,000
 * claims wrote 800,000 index entries), and the library filters, sorts and groups in memory, so:
 * - pages: url (key).
 * - claims: id (key), pageUrl (one page's claims: content script, popup), fingerprint (the same
 *   claim on other pages).
 * - reviews: ++id (key), claimId (one claim's history; deleting a claim's history).
 * Dropped: pages.site, pages.lastSeen, claims.status/updatedAt/reviewedAt/speaker.name/site and
 * reviews.at. The fields stay on every record; only their indexes go (Dexie deletes them in the
 * version change, so no data needs rewriting).
 */
export const SCHEMA_V3 = {
  pages: 'url',
  claims: 'id, pageUrl, fingerprint',
  reviews: '++id, claimId',
} as const;

/**
 * v4: a page's claims and their review history are stored together, in one `claimGroups` record per
 * page. In Chromium each IndexedDB request costs about 220 µs of browser CPU whatever its size, and
 * an import of 100,000 claims on 10,000 pages wrote 176,000 of them (claims, history, pages): 45 s.
 * Grouped, it writes one record per page, and loading a page is one get by key. No indexes: each
 * index entry costs ~30 µs more, so the two lookups across pages (a claim's page by its id, verdicts
 * by fingerprint) go through `directory`, a few thousand bucket records (utils/db/directory.ts)
 * with out-of-line keys. The v3 `claims` and `reviews` tables are regrouped by the upgrade, then deleted.
 */
export const SCHEMA_V4 = {
  pages: 'url',
  claims: null,
  reviews: null,
  claimGroups: 'pageUrl',
  directory: '',
} as const;

/**
 * v5: claims in `claimChunks` records of up to CHUNK_CLAIMS claims (utils/db/claim-chunks.ts): the
 * groups of neighbouring pages (by URL) packed together, and a page with more claims than a record
 * holds in slices of its own. Measured in Chromium, an import of 100,000 claims on 10,000 pages
 * spent ~6 s putting the 10,000 page records of v4 (~8 kB each, stored inside LevelDB, where every
 * byte costs) and ~1 s putting the same claims as ~800 records of ~100 kB (over 64 kB, Chromium
 * writes a value to a blob file beside LevelDB); reading them all back went from ~6 s to ~2 s.
 * Packing is for bulk writes (import, this upgrade); any other write gives the page records of its
 * own, a few kB like v4's (a packed record is a blob file in Chromium: a few ms more to read and
 * rewrite). A review on a page of 5,000 claims rewrites one of its slices instead of the whole page.
 * The directory (page by claim id or fingerprint) is unchanged; v4's groups are re-packed by the upgrade.
 */
export const SCHEMA_V5 = {
  pages: 'url',
  claimGroups: null,
  claimChunks: 'key',
  directory: '',
} as const;

export const DB_VERSION = 5;

export type ClaimTrailDb = Dexie & {
  pages: EntityTable<PageRecord, 'url'>;
  claimChunks: ClaimChunkTable;
  directory: DirectoryTable;
};

export function createDb(name: string = DB_NAME): ClaimTrailDb {
  const db = new Dexie(name) as ClaimTrailDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) =>
      tx
        .table<ClaimRecord, string>('claims')
        .toCollection()
        .modify((claim) => {
          claim.site ??= siteOf(claim.pageUrl);
        }),
    );
  db.version(3).stores(SCHEMA_V3);
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade(async (tx) => {
      const [claims, reviews] = await Promise.all([
        tx.table<ClaimRecord, string>('claims').toArray(),
        tx.table<ReviewRecord, number>('reviews').orderBy(':id').toArray(),
      ]);
      const groups = groupByPage(claims, reviews);
      await tx.table<ClaimGroup, string>('claimGroups').bulkPut(groups);
      await updateDirectory(tx.table('directory'), groups.map((after) => ({ pageUrl: after.pageUrl, before: undefined, after })));
    });
  db.version(5)
    .stores(SCHEMA_V5)
    .upgrade(async (tx) => {
      const groups = await tx.table<ClaimGroup, string>('claimGroups').toArray();
      await tx.table<ClaimChunk, string>('claimChunks').bulkPut(chunksFor(groups));
    });
  return db;
}

let shared: ClaimTrailDb | null = null;

/** The database for this extension context. Opens on first use (Dexie opens on the first query). */
export function getDb(): ClaimTrailDb {
  shared ??= createDb();
  return shared;
}
