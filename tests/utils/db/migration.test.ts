import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import fixture from '../../fixtures/db/v1-database.json';
import { createDb, DB_VERSION, SCHEMA_V1 } from '../../../utils/db/database';
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

  it('the indexes work on migrated data (site is new in v2)', async () => {
    const name = uniqueDbName();
    await createV1Database(name);
    db = createDb(name);
    expect(await db.claims.where('site').equals('example.com').primaryKeys()).toEqual(['c-v1-1', 'c-v1-2']);
    expect(await db.claims.where('speaker.name').equals('Ayad Allawi').count()).toBe(1);
    expect(await db.reviews.where('claimId').equals('c-v1-1').count()).toBe(2);
    expect(await db.claims.where('status').equals('disputed').primaryKeys()).toEqual(['c-v1-2']);
  });

  it('a fresh database opens directly at the current version', async () => {
    db = createDb(uniqueDbName());
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.claims.schema.indexes.map((i) => i.name).sort()).toEqual(
      ['fingerprint', 'pageUrl', 'reviewedAt', 'site', 'speaker.name', 'status', 'updatedAt'].sort(),
    );
  });
});
