import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { chunksFor } from '../../../utils/db/claim-chunks';
import { groupByPage } from '../../../utils/db/claim-group';
import { createDb, type ClaimTrailDb } from '../../../utils/db/database';
import { allGroups } from '../../../utils/db/operations';
import type { ClaimRecord, PageRecord, ReviewRecord } from '../../../utils/db/types';
import { collectLibrary } from '../../../utils/export/collect';
import { jsonChunks } from '../../../utils/export/json';
import type { LibrarySnapshot } from '../../../utils/export/library';
import { applyImport, previewImport } from '../../../utils/import/apply-import';
import { parseImport } from '../../../utils/import/parse-import';
import { parseJsonText } from '../../../utils/import/read-json';
import { siteOf } from '../../../utils/url/normalize';
import { directoryNowAndExpected, everyClaim, failGroupWrites } from '../db/helpers';
import { exportedAt, sampleLibrary } from '../export/sample-library';

let dbs: ClaimTrailDb[] = [];
let counter = 0;
function freshDb(): ClaimTrailDb {
  const db = createDb(`import-test-${counter++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  // Whatever an import did, the directory describes exactly what the claim groups hold.
  for (const db of dbs) {
    const directory = await directoryNowAndExpected(db);
    expect(directory.stored).toEqual(directory.expected);
  }
  await Promise.all(dbs.map((db) => db.delete()));
  dbs = [];
});

/** What the database holds, in an order that does not depend on how it is grouped: claims by id, history by id then time. */
async function contents(db: ClaimTrailDb): Promise<LibrarySnapshot> {
  const [pages, groups] = await Promise.all([db.pages.orderBy('url').toArray(), allGroups(db)]);
  return {
    pages,
    claims: groups.flatMap((g) => g.claims).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    reviews: groups.flatMap((g) => g.reviews).sort((a, b) => (a.id ?? Infinity) - (b.id ?? Infinity) || a.at - b.at),
  };
}

function roundTrip(library: LibrarySnapshot): LibrarySnapshot {
  return parseImport(parseJsonText([...jsonChunks(library, { exportedAt })].join(''))).library;
}

const withSite = (library: LibrarySnapshot): LibrarySnapshot => ({ ...library, claims: library.claims.map((c) => ({ ...c, site: siteOf(c.pageUrl) })) });

describe('applyImport', () => {
  it('writes pages, claims and history, and reports what it did', async () => {
    const db = freshDb();
    expect(await previewImport(db, sampleLibrary)).toMatchObject({ newClaims: 3, newPages: 2 });
    expect((await everyClaim(db)).length).toBe(0);
    const done = await applyImport(db, sampleLibrary);
    expect(done).toMatchObject({ newClaims: 3, newPages: 2, newReviews: 2 });
    const stored = await contents(db);
    expect(stored.claims).toEqual(withSite(sampleLibrary).claims.sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(stored.reviews).toEqual(sampleLibrary.reviews);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const db = freshDb();
    await applyImport(db, sampleLibrary);
    const before = await contents(db);
    expect(await applyImport(db, sampleLibrary)).toMatchObject({ newClaims: 0, existingClaims: 3, replacedByFile: 0, newReviews: 0, newPages: 0 });
    expect(await contents(db)).toEqual(before);
  });

  it('a file with a few of many stored claims is merged the same way (stored records fetched by key, not all read)', async () => {
    const db = freshDb();
    const [claim] = sampleLibrary.claims.filter((c) => sampleLibrary.reviews.some((r) => r.claimId === c.id));
    const extra = Array.from({ length: 20 }, (_, i) => ({ ...claim!, id: `extra-${i}` }));
    await applyImport(db, {
      ...sampleLibrary,
      claims: [...sampleLibrary.claims, ...extra],
      reviews: [...sampleLibrary.reviews, ...extra.map((c, i) => ({ id: 100 + i, claimId: c.id, at: 5, from: { status: 'unreviewed' as const, note: '' }, to: { status: 'verified' as const, note: '' } }))],
    });
    const before = await contents(db);
    const newer = { ...claim!, status: 'disputed' as const, reviewedAt: (claim!.reviewedAt ?? 0) + 1000 };
    const history = sampleLibrary.reviews.filter((r) => r.claimId === claim!.id);
    const file = { pages: sampleLibrary.pages.filter((p) => p.url === claim!.pageUrl), claims: [newer], reviews: history };
    expect(await previewImport(db, file)).toMatchObject({ claims: 1, newClaims: 0, existingClaims: 1, differentVerdict: claim!.status === 'disputed' ? 0 : 1, replacedByFile: 1, newPages: 0, newReviews: 0 });
    await applyImport(db, file);
    const after = await contents(db);
    expect(after.claims.find((c) => c.id === claim!.id)).toMatchObject({ status: 'disputed', reviewedAt: newer.reviewedAt });
    expect(after.claims.filter((c) => c.id !== claim!.id)).toEqual(before.claims.filter((c) => c.id !== claim!.id));
    expect(after.reviews).toEqual(before.reviews);
  });

  it('a newer claim the file files under another page than ours moves there with its history, and is never stored twice', async () => {
    const db = freshDb();
    await applyImport(db, sampleLibrary);
    const [claim] = sampleLibrary.claims.filter((c) => sampleLibrary.reviews.some((r) => r.claimId === c.id));
    const otherPage = sampleLibrary.pages.find((p) => p.url !== claim!.pageUrl)!;
    const moved = { ...claim!, pageUrl: otherPage.url, site: siteOf(otherPage.url), reviewedAt: (claim!.reviewedAt ?? 0) + 1000 };
    await applyImport(db, { pages: [otherPage], claims: [moved], reviews: [] });
    const after = await contents(db);
    expect(after.claims.filter((c) => c.id === claim!.id)).toEqual([moved]);
    expect((await allGroups(db)).find((g) => g.pageUrl === otherPage.url)?.reviews.map((r) => r.claimId)).toContain(claim!.id);
    expect(after.reviews).toHaveLength(sampleLibrary.reviews.length);
  });

  it('is atomic: a write failing part-way leaves the database as it was', async () => {
    const db = freshDb();
    await applyImport(db, { pages: [sampleLibrary.pages[0]!], claims: [sampleLibrary.claims[0]!], reviews: [] });
    const before = await contents(db);
    // Pages are written first; then the write of a page's claims fails.
    failGroupWrites(db, () => new DOMException('full', 'QuotaExceededError'), 2);
    await expect(applyImport(db, sampleLibrary)).rejects.toMatchObject({ code: 'quota' });
    expect(await contents(db)).toEqual(before);
  });
});

// Generated libraries that satisfy the import schemas.
const time = fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 });
const anyText = (max: number) => fc.string({ unit: 'binary', maxLength: max });
const urls = ['https://a.example/one', 'https://news.example.com/world/alliance', 'https://b.example.org/p?id=1', 'https://c.example/'];
const status = fc.constantFrom('unreviewed', 'verified', 'disputed');
const pageArb = (url: string) => fc.record(
  { url: fc.constant(url), canonicalUrl: fc.constant(url), title: anyText(40), site: fc.constant(siteOf(url)), author: anyText(20), published: anyText(20), firstSeen: time, lastSeen: time },
  { requiredKeys: ['url', 'title', 'site', 'firstSeen', 'lastSeen'] },
);
const claimArb = (id: string, pageUrl: string) => fc.record(
  {
    id: fc.constant(id),
    pageUrl: fc.constant(pageUrl),
    site: fc.constant(siteOf(pageUrl)),
    speaker: fc.option(fc.record({ name: anyText(30), role: anyText(30), mention: anyText(10), type: fc.constantFrom('person', 'organization', 'group', 'unknown') }, { requiredKeys: ['name', 'type'] }), { nil: null }),
    cue: anyText(10),
    kind: fc.constantFrom('direct', 'indirect', 'mixed'),
    text: anyText(80),
    selectors: fc.record({
      quote: fc.record({ type: fc.constant('TextQuoteSelector'), exact: anyText(80), prefix: anyText(32), suffix: anyText(32) }),
      position: fc.tuple(fc.nat(10_000), fc.nat(500)).map(([start, length]) => ({ type: 'TextPositionSelector' as const, start, end: start + length })),
    }),
    status,
    note: anyText(60),
    fingerprint: anyText(40),
    createdAt: time,
    updatedAt: time,
    reviewedAt: time,
    anchor: fc.constantFrom('anchored', 'changed', 'orphaned'),
    currentText: anyText(40),
    manual: fc.boolean(),
    dismissed: fc.boolean(),
  },
  { requiredKeys: ['id', 'pageUrl', 'site', 'speaker', 'cue', 'kind', 'text', 'selectors', 'status', 'note', 'fingerprint', 'createdAt', 'updatedAt', 'anchor', 'manual', 'dismissed'] },
) as fc.Arbitrary<ClaimRecord>;

const libraryArb: fc.Arbitrary<LibrarySnapshot> = fc
  .tuple(fc.subarray(urls, { minLength: 1 }), fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 12 }))
  .chain(([pageUrls, ids]) =>
    fc.tuple(
      fc.tuple(...pageUrls.map(pageArb)),
      fc.tuple(...ids.map((id, i) => claimArb(id, pageUrls[i % pageUrls.length]!))),
    ),
  )
  .chain(([pages, claims]) =>
    fc
      .array(
        fc.record({ claimId: fc.constantFrom(...(claims.length ? claims.map((c) => c.id) : ['none'])), at: time, from: fc.record({ status, note: anyText(20) }), to: fc.record({ status, note: anyText(20) }) }),
        { maxLength: claims.length ? 15 : 0 },
      )
      .map((reviews) => ({
        pages: pages as PageRecord[],
        claims,
        reviews: reviews.map((r, i) => ({ id: i + 1, ...r }) as ReviewRecord),
      })),
  );

describe('round trip', () => {
  it('export to JSON, then import into an empty database, gives back identical data', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(libraryArb, async (library) => {
        const source = freshDb();
        await source.transaction('rw', source.pages, source.claimChunks, source.directory, async () => {
          await source.pages.bulkAdd(library.pages);
          await source.claimChunks.bulkAdd(chunksFor(groupByPage(library.claims, library.reviews)));
        });
        const target = freshDb();
        await applyImport(target, roundTrip(await collectLibrary(source)));
        expect(await contents(target)).toStrictEqual(await contents(source));
        await Promise.all([source.delete(), target.delete()]);
        dbs = [];
      }),
      { numRuns: 40 },
    );
  });
});
