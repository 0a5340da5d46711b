import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import fixture from '../../fixtures/db/v1-database.json';
import { createDb, DB_VERSION, SCHEMA_V1, SCHEMA_V2 } from '../../../utils/db/database';
import type { ClaimTrailDb } from '../../../utils/db/database';
import { uniqueDbName } from './helpers';

/** Creates the fixture database exactly as schema v1 code would have, then closes it. */
async function createV1Database(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(fixture.version).stores(fixture.schema);
  await v1.transaction('rw', v1.tables, async () => {
    await v1.table('pages').bulkAdd(fixture.tables.pages);
    await v1.table('claims').bulkAdd(fixture.tables.claims);
    await v1.table('reviews').bulkAdd(fixture.tables.reviews);
  });
  v1.close();
}

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
    await createV1Database(name);
    db = createDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);

    expect(await db.pages.orderBy('url').toArray()).toEqual([...fixture.tables.pages].sort((a, b) => a.url.localeCompare(b.url)));
    expect(await db.reviews.orderBy('id').toArray()).toEqual(fixture.tables.reviews);
    const claims = await db.claims.orderBy('id').toArray();
    expect(claims).toEqual(
      fixture.tables.claims.map((c) => ({ ...c, site: c.pageUrl.includes('apnews') ? 'apnews.com' : 'example.com' })),
    );
  });

  it('the indexes work on migrated data', async () => {
    const name = uniqueDbName();
    await createV1Database(name);
    db = createDb(name);
    expect(await db.claims.where('pageUrl').equals('https://www.example.com/news/iraq-talks').primaryKeys()).toEqual(['c-v1-1', 'c-v1-2']);
    expect(await db.claims.where('fingerprint').equals(fixture.tables.claims[0]!.fingerprint).primaryKeys()).toEqual(['c-v1-1']);
    expect(await db.reviews.where('claimId').equals('c-v1-1').count()).toBe(2);
  });

  it('opening a v2 database with current code keeps every record and drops the unused indexes (v3)', async () => {
    const name = uniqueDbName();
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    const claims = fixture.tables.claims.map((c) => ({ ...c, site: c.pageUrl.includes('apnews') ? 'apnews.com' : 'example.com' }));
    await v2.transaction('rw', v2.tables, async () => {
      await v2.table('pages').bulkAdd(fixture.tables.pages);
      await v2.table('claims').bulkAdd(claims);
      await v2.table('reviews').bulkAdd(fixture.tables.reviews);
    });
    v2.close();

    db = createDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.claims.orderBy('id').toArray()).toEqual(claims);
    expect(await db.pages.count()).toBe(fixture.tables.pages.length);
    expect(await db.reviews.orderBy('id').toArray()).toEqual(fixture.tables.reviews);
    // What IndexedDB itself now holds, not only what Dexie declares.
    const backend = db.backendDB();
    const indexes = (table: string) => [...backend.transaction(table).objectStore(table).indexNames].sort();
    expect(indexes('claims')).toEqual(['fingerprint', 'pageUrl']);
    expect(indexes('pages')).toEqual([]);
    expect(indexes('reviews')).toEqual(['claimId']);
  });

  it('a fresh database opens directly at the current version', async () => {
    db = createDb(uniqueDbName());
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.claims.schema.indexes.map((i) => i.name).sort()).toEqual(['fingerprint', 'pageUrl']);
    expect(db.reviews.schema.indexes.map((i) => i.name)).toEqual(['claimId']);
    expect(db.pages.schema.indexes).toEqual([]);
  });
});
