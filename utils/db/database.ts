/**
 * The ClaimTrail database, in the extension's origin (background, popup, library — never a content
 * script, whose IndexedDB would be the page's). Created lazily: importing this module opens nothing.
 */
import Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import { siteOf } from '../url/normalize';
import type { ClaimGroup } from './claim-group';
import { groupByPage } from './claim-group';
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
 * Grouped, it writes one record per page. Loading a page is one get by key; the two lookups across
 * pages go through multiEntry indexes over values the record derives from its claims:
 * - claimIds: every claim's id (the library and background address claims by id alone);
 * - verdictFingerprints: the fingerprints of claims with a verdict, for "also seen on <site>".
 * The v3 `claims` and `reviews` tables are regrouped by the upgrade, then deleted.
 */
export const SCHEMA_V4 = {
  pages: 'url',
  claims: null,
  reviews: null,
  claimGroups: 'pageUrl, *claimIds, *verdictFingerprints',
} as const;

export const DB_VERSION = 4;

export type ClaimTrailDb = Dexie & {
  pages: EntityTable<PageRecord, 'url'>;
  claimGroups: EntityTable<ClaimGroup, 'pageUrl'>;
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
      await tx.table<ClaimGroup, string>('claimGroups').bulkPut(groupByPage(claims, reviews));
    });
  return db;
}

let shared: ClaimTrailDb | null = null;

/** The database for this extension context. Opens on first use (Dexie opens on the first query). */
export function getDb(): ClaimTrailDb {
  shared ??= createDb();
  return shared;
}
