import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import fixture from '../../fixtures/db/v1-database.json';
import { createDb, DB_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../utils/db/database';
import type { ClaimTrailDb } from '../../../utils/db/database';
import { reviewHistory, setStatus, storedClaims } from '../../../utils/db/operations';
import type { ReviewRecord } from '../../../utils/db/types';
import { pagesWith } from '../../../utils/db/directory';
import { directoryNowAndExpected, everyClaim, everyReview, uniqueDbName } from './helpers';

/** Creates the fixture database exactly as code of schema `version` would have, then closes it. */
async function createOldDatabase(name: string, version: number, schema: Record<string, string>, claims: object[], reviews: object[] = fixture.tables.reviews): Promise<void> {
  const old = new Dexie(name);
  old.version(version).stores(schema);
  await old.transaction('rw', old.tables, async () => {
    await old.table('pages').bulkAdd(fixture.tables.pages);
    await old.table('claims').bulkAdd(claims);
    await old.table('reviews').bulkAdd(reviews);
  });
  old.close();
}

/** The fixture's claims as v2 and later store them: with their page's site. */
const withSites = fixture.tables.claims.map((c) => ({ ...c, site: c.pageUrl.includes('apnews') ? 'apnews.com' : 'example.com' }));
const byId = (a: { id?: string | number }, b: { id?: string | number }) => ((a.id ?? 0) < (b.id ?? 0) ? -1 : 1);
const sortedClaims = async (db: ClaimTrailDb) => (await everyClaim(db)).sort(byId);
const sortedReviews = async (db: ClaimTrailDb) => (await everyReview(db)).sort(byId);

let db: ClaimTrailDb | undefined;
afterEach(async () => {
  if (!db) return;
  db.close();
  await Dexie.delete(db.name);
});

describe('schema migrations', () => {
  it('the v1 fixture matches the v1 schema the code still declares', () => {
    expect(fixture.schema).toEqual(SCHEMA_V1);
  });

  it('opening a v1 database with current code loses nothing and backfills claim sites', async () => {
    const name = uniqueDbName();
    await createOldDatabase(name, 1, SCHEMA_V1, fixture.tables.claims);
    db = createDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);

    expect(await db.pages.orderBy('url').toArray()).toEqual([...fixture.tables.pages].sort((a, b) => a.url.localeCompare(b.url)));
    expect(await sortedReviews(db)).toEqual(fixture.tables.reviews);
    expect(await sortedClaims(db)).toEqual(withSites);
  });

  it('the lookups work on migrated data: by page, by claim id, by fingerprint', async () => {
    const name = uniqueDbName();
    await createOldDatabase(name, 1, SCHEMA_V1, fixture.tables.claims);
    db = createDb(name);
    expect((await storedClaims(db, 'https://www.example.com/news/iraq-talks')).map((c) => c.id)).toEqual(['c-v1-1', 'c-v1-2']);
    expect((await reviewHistory(db, 'c-v1-1')).map((r) => r.id)).toEqual([1, 2]);
    expect(await pagesWith(db.directory, 'id', ['c-v1-3'])).toEqual(['https://apnews.com/article/iraq']);
    expect(await pagesWith(db.directory, 'fp', [fixture.tables.claims[0]!.fingerprint])).toEqual(['https://www.example.com/news/iraq-talks']);
    // c-v1-3 was dismissed: no verdict to cite elsewhere.
    expect(await pagesWith(db.directory, 'fp', [fixture.tables.claims[2]!.fingerprint])).toEqual([]);
    const directory = await directoryNowAndExpected(db);
    expect(directory.stored).toEqual(directory.expected);
    expect(await setStatus(db, ['c-v1-3'], 'verified')).toHaveLength(1);
  });

  it('opening a v2 database with current code keeps every record', async () => {
    const name = uniqueDbName();
    await createOldDatabase(name, 2, SCHEMA_V2, withSites);
    db = createDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await sortedClaims(db)).toEqual(withSites);
    expect(await db.pages.count()).toBe(fixture.tables.pages.length);
    expect(await sortedReviews(db)).toEqual(fixture.tables.reviews);
  });

  it('opening a v3 database regroups claims and history by page (v4), loses nothing, and drops the old tables', async () => {
    const name = uniqueDbName();
    // A claim whose page record is gone (pages and claims were never tied) must survive too.
    const pageless = { ...withSites[2]!, id: 'c-v3-pageless', pageUrl: 'https://gone.example/story', site: 'gone.example', status: 'verified', dismissed: false };
    const history: ReviewRecord[] = [...fixture.tables.reviews as ReviewRecord[], { id: 9, claimId: 'c-v3-pageless', at: 1764000400000, from: { status: 'unreviewed', note: '' }, to: { status: 'verified', note: 'ok' } }];
    await createOldDatabase(name, 3, SCHEMA_V3, [...withSites, pageless], history);
    db = createDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await sortedClaims(db)).toEqual([...withSites, pageless]);
    expect(await sortedReviews(db)).toEqual(history);
    expect(await db.pages.orderBy('url').toArray()).toEqual([...fixture.tables.pages].sort((a, b) => a.url.localeCompare(b.url)));

    const groups = await db.claimGroups.orderBy('pageUrl').toArray();
    expect(groups.map((g) => [g.pageUrl, g.claims.map((c) => c.id), g.reviews.map((r) => r.id)])).toEqual([
      ['https://apnews.com/article/iraq', ['c-v1-3'], []],
      ['https://gone.example/story', ['c-v3-pageless'], [9]],
      ['https://www.example.com/news/iraq-talks', ['c-v1-1', 'c-v1-2'], [1, 2, 3]],
    ]);
    const directory = await directoryNowAndExpected(db);
    expect(directory.stored).toEqual(directory.expected);
    expect(directory.stored).toHaveLength(4 + 3);
    // What IndexedDB itself now holds, not only what Dexie declares.
    const backend = db.backendDB();
    expect([...backend.objectStoreNames].sort()).toEqual(['claimGroups', 'directory', 'pages']);
    const indexes = (table: string) => [...backend.transaction(table).objectStore(table).indexNames].sort();
    expect(indexes('claimGroups')).toEqual([]);
    expect(indexes('pages')).toEqual([]);
  });

  it('a fresh database opens directly at the current version', async () => {
    db = createDb(uniqueDbName());
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.claimGroups.schema.indexes).toEqual([]);
    expect(db.pages.schema.indexes).toEqual([]);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['claimGroups', 'directory', 'pages']);
  });
});
