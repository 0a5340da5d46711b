import fc from 'fast-check';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHUNK_CLAIMS, isPackedKey, pageOfSlice, type ClaimChunk } from '../../../utils/db/claim-chunks';
import type { ClaimGroup } from '../../../utils/db/claim-group';
import { ClaimStore } from '../../../utils/db/claim-store';
import { createDb, type ClaimTrailDb } from '../../../utils/db/database';
import { allGroups, setStatus, storedClaims } from '../../../utils/db/operations';
import { directoryNowAndExpected, groupOf, uniqueDbName } from './helpers';

// URLs that sort next to each other, one a prefix of another, so packed keys and slice keys interleave.
const PAGES = [
  'https://a.example/x',
  'https://a.example/x/y',
  'https://a.example/x0',
  'https://a.example/y',
  'https://b.example/',
  'https://b.example/1',
  'https://b.example/2',
  'https://c.example/long/path/to/story',
  'https://d.example/',
  'https://e.example/z',
];

let db: ClaimTrailDb;
beforeEach(() => {
  db = createDb(uniqueDbName());
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function write(pages: { pageUrl: string; after: ClaimGroup | undefined }[], bulk = false): Promise<void> {
  return db.transaction('rw', db.claimChunks, db.directory, async () => new ClaimStore(db).write(pages, { bulk }));
}

/** The layout's rules, checked on the raw records. */
function checkLayout(records: ClaimChunk[]): void {
  const packed = records.filter((r) => isPackedKey(r.key)).map((r) => r.key);
  for (const record of records) {
    expect(record.claims.length).toBeGreaterThan(0);
    expect(record.claims.length).toBeLessThanOrEqual(CHUNK_CLAIMS);
    const sliceOf = pageOfSlice(record.key);
    const ids = new Set(record.claims.map((c) => c.id));
    expect(record.reviews.every((r) => ids.has(r.claimId))).toBe(true);
    for (const claim of record.claims) {
      if (sliceOf !== undefined) {
        expect(claim.pageUrl).toBe(sliceOf);
      } else {
        // A packed page is in the packed record with the greatest key at or before its own.
        const floor = packed.filter((k) => k <= `p:${claim.pageUrl}`).at(-1);
        expect(floor).toBe(record.key);
      }
    }
  }
}

const sizes = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 40, max: 70 }), fc.integer({ min: CHUNK_CLAIMS - 2, max: CHUNK_CLAIMS * 2 + 3 }));
const step = fc.record({
  bulk: fc.boolean(),
  changes: fc.uniqueArray(fc.record({ page: fc.constantFrom(...PAGES), size: sizes, edit: fc.boolean() }), { minLength: 1, maxLength: 5, selector: (s) => s.page }),
});

describe('ClaimStore', () => {
  it('reads back every page as last written, through one page at a time, many at once and all, whatever the sizes', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        await db.claimChunks.clear();
        await db.directory.clear();
        const model = new Map<string, ClaimGroup>();
        for (const [n, { bulk, changes }] of steps.entries()) {
          const writes = changes.map(({ page, size, edit }) => {
            const stored = model.get(page);
            // An edit keeps the stored claims (the same objects, as operations do) and changes one, or grows the page.
            const after = edit && stored && size > 0
              ? { ...stored, claims: stored.claims.map((c, i) => (i === size % stored.claims.length ? { ...c, note: `step ${n}` } : c)).concat(groupOf(page, size % 5, 1000 * (n + 1)).claims) }
              : groupOf(page, size, 1000 * n);
            return { pageUrl: page, after: after.claims.length > 0 ? after : undefined };
          });
          await write(writes, bulk);
          for (const { pageUrl, after } of writes) {
            if (after) model.set(pageUrl, after);
            else model.delete(pageUrl);
          }
          const expected = [...model.values()].sort((a, b) => (a.pageUrl < b.pageUrl ? -1 : 1));
          const ids = (groups: (ClaimGroup | undefined)[]) => groups.map((g) => g && [g.pageUrl, g.claims.map((c) => `${c.id} ${c.note}`), g.reviews.map((r) => r.claimId)]);
          expect(ids(await allGroups(db))).toEqual(ids(expected));
          const many = await db.transaction('r', db.claimChunks, db.directory, async () => new ClaimStore(db).groups(PAGES));
          expect(ids(many)).toEqual(ids(PAGES.map((p) => model.get(p))));
          for (const page of PAGES) expect((await storedClaims(db, page)).map((c) => c.id)).toEqual(model.get(page)?.claims.map((c) => c.id) ?? []);
          checkLayout(await db.claimChunks.toArray());
          const directory = await directoryNowAndExpected(db);
          expect(directory.stored).toEqual(directory.expected);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('after a bulk write, a review gives the page a record of its own and leaves the shared one alone', async () => {
    const pages = Array.from({ length: 20 }, (_, i) => groupOf(`https://news${String(i).padStart(2, '0')}.example/`, 10));
    await write(pages.map((g) => ({ pageUrl: g.pageUrl, after: g })), true);
    expect(await db.claimChunks.count()).toBe(2);
    const written: string[] = [];
    db.claimChunks.hook('creating', (key) => {
      written.push(String(key));
    });
    db.claimChunks.hook('updating', (_changes, key) => {
      written.push(String(key));
    });
    const claim = pages[7]!.claims[3]!;
    expect(await setStatus(db, [claim.id], 'disputed')).toHaveLength(1);
    expect(written).toHaveLength(1);
    expect(pageOfSlice(written[0]!)).toBe(pages[7]!.pageUrl);
    expect((await db.claimChunks.get(written[0]!))?.claims).toHaveLength(10);
    expect((await storedClaims(db, pages[7]!.pageUrl)).find((c) => c.id === claim.id)?.status).toBe('disputed');
    expect((await allGroups(db)).flatMap((g) => g.claims)).toHaveLength(200);
  });

  it('a review on a page of 1,000 claims rewrites one record of them', async () => {
    const big = groupOf('https://live.example/blog', 1000);
    await write([{ pageUrl: big.pageUrl, after: big }, { pageUrl: 'https://other.example/a', after: groupOf('https://other.example/a', 5) }]);
    expect(await db.claimChunks.count()).toBe(Math.ceil(1000 / CHUNK_CLAIMS) + 1);
    const written: string[] = [];
    db.claimChunks.hook('creating', (key) => {
      written.push(String(key));
    });
    db.claimChunks.hook('updating', (_changes, key) => {
      written.push(String(key));
    });
    const claim = big.claims[700]!;
    expect(await setStatus(db, [claim.id], 'disputed')).toHaveLength(1);
    expect(written).toHaveLength(1);
    expect((await db.claimChunks.get(written[0]!))?.claims.find((c) => c.id === claim.id)?.status).toBe('disputed');
  });
});
