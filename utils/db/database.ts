/**
 * The ClaimTrail database, in the extension's origin (background, popup, library — never a content
 * script, whose IndexedDB would be the page's). Created lazily: importing this module opens nothing.
 */
import Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import { siteOf } from '../url/normalize';
import type { ClaimRecord, PageRecord, ReviewRecord } from './types';

export const DB_NAME = 'claimtrail';

/**
 * Schema strings list only indexed fields. Why each index exists:
 * - pages: url (key); site and lastSeen for the library's site filter and "recent pages".
 * - claims: pageUrl (popup/content: one page's claims), fingerprint (same claim on other pages),
 *   status, updatedAt, reviewedAt (library filters and newest-first), speaker.name (speaker view).
 * - reviews: claimId (history of one claim), at (recent activity).
 */
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

export const DB_VERSION = 2;

export type ClaimTrailDb = Dexie & {
  pages: EntityTable<PageRecord, 'url'>;
  claims: EntityTable<ClaimRecord, 'id'>;
  reviews: EntityTable<ReviewRecord, 'id'>;
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
  return db;
}

let shared: ClaimTrailDb | null = null;

/** The database for this extension context. Opens on first use (Dexie opens on the first query). */
export function getDb(): ClaimTrailDb {
  shared ??= createDb();
  return shared;
}
