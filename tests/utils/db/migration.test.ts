import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import fixture from '../../fixtures/db/v1-database.json';
import { CHUNK_CLAIMS } from '../../../utils/db/claim-chunks';
import { groupByPage, type ClaimGroup } from '../../../utils/db/claim-group';
import { createDb, DB_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../../utils/db/database';
import type { ClaimTrailDb } from '../../../utils/db/database';
import { allGroups, reviewHistory, setStatus, storedClaims } from '../../../utils/db/operations';
import type { ClaimRecord, ReviewRecord } from '../../../utils/db/types';
import { pagesWith, updateDirectory } from '../../../utils/db/directory';
import { directoryNowAndExpected, everyClaim, everyReview, groupOf, uniqueDbName } from './helpers';

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
    expect(db.verno).toBe(DB_VERSION);
    expect(await sortedClaims(db)).toEqual([...withSites, pageless]);
    expect(await sortedReviews(db)).toEqual(history);
    expect(await db.pages.orderBy('url').toArray()).toEqual([...fixture.tables.pages].sort((a, b) => a.url.localeCompare(b.url)));

    const groups = await allGroups(db);
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
    expect([...backend.objectStoreNames].sort()).toEqual(['claimChunks', 'directory', 'pages']);
    const indexes = (table: string) => [...backend.transaction(table).objectStore(table).indexNames].sort();
    expect(indexes('claimChunks')).toEqual([]);
    expect(indexes('pages')).toEqual([]);
  });

  it('opening a v4 database re-packs the page records into chunks (v5), big pages in slices, and loses nothing', async () => {
    const name = uniqueDbName();
    // As v4 code stored them: one record per page, and the directory filed by page.
    const groups: ClaimGroup[] = [
      ...groupByPage(withSites as ClaimRecord[], fixture.tables.reviews as ReviewRecord[]),
      groupOf('https://live.example/blog', CHUNK_CLAIMS * 2 + 44),
      ...Array.from({ length: 30 }, (_, i) => groupOf(`https://news${i}.example/story`, 1 + (i % 9))),
    ];
    const old = new Dexie(name);
    old.version(4).stores(SCHEMA_V4);
    await old.transaction('rw', old.tables, async () => {
      await old.table('pages').bulkAdd(fixture.tables.pages);
      await old.table('claimGroups').bulkAdd(groups);
      await updateDirectory(old.table('directory'), groups.map((after) => ({ pageUrl: after.pageUrl, before: undefined, after })));
    });
    old.close();

    db = createDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const byUrl = (a: ClaimGroup, b: ClaimGroup) => (a.pageUrl < b.pageUrl ? -1 : 1);
    expect(await allGroups(db)).toEqual([...groups].sort(byUrl));
    const records = await db.claimChunks.toArray();
    expect(records.length).toBeLessThan(groups.length / 4);
    expect(records.every((r) => r.claims.length <= CHUNK_CLAIMS)).toBe(true);
    expect(records.filter((r) => r.claims.every((c) => c.pageUrl === 'https://live.example/blog'))).toHaveLength(3);
    expect([...db.backendDB().objectStoreNames].sort()).toEqual(['claimChunks', 'directory', 'pages']);
    const directory = await directoryNowAndExpected(db);
    expect(directory.stored).toEqual(directory.expected);

    // Each page reads and writes as before.
    expect((await storedClaims(db, 'https://live.example/blog')).map((c) => c.id)).toEqual(groups.find((g) => g.pageUrl === 'https://live.example/blog')!.claims.map((c) => c.id));
    expect((await storedClaims(db, 'https://www.example.com/news/iraq-talks')).map((c) => c.id)).toEqual(['c-v1-1', 'c-v1-2']);
    expect(await setStatus(db, ['https://live.example/blog#250', 'c-v1-3'], 'disputed')).toHaveLength(2);
    expect((await reviewHistory(db, 'c-v1-1')).map((r) => r.id)).toEqual([1, 2]);
  });

  it('a fresh database opens directly at the current version', async () => {
    db = createDb(uniqueDbName());
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.claimChunks.schema.indexes).toEqual([]);
    expect(db.pages.schema.indexes).toEqual([]);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['claimChunks', 'directory', 'pages']);
  });
});
