import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDb } from '../../../utils/db/database';
import type { ClaimTrailDb } from '../../../utils/db/database';
import { StorageError } from '../../../utils/db/errors';
import { claimFingerprint, claimId } from '../../../utils/db/fingerprint';
import {
  allGroups,
  claimsWithHistory,
  deleteClaims,
  dismissClaim,
  openPage,
  pageUrlFor,
  recordAnchors,
  restoreClaims,
  reviewClaim,
  reviewHistory,
  setNote,
  setStatus,
  storedClaims,
} from '../../../utils/db/operations';
import { pagesWith } from '../../../utils/db/directory';
import { CLAIM_A, CLAIM_B, claimById, directoryNowAndExpected, everyClaim, everyReview, failGroupWrites, page, snapshot, uniqueDbName } from './helpers';

let db: ClaimTrailDb;
const PAGE_URL = 'https://www.example.com/news/iraq-talks';

beforeEach(() => {
  db = createDb(uniqueDbName());
});
afterEach(async () => {
  // Whatever a test did, the directory describes exactly what the claim groups hold.
  const directory = await directoryNowAndExpected(db);
  expect(directory.stored).toEqual(directory.expected);
  db.close();
  await Dexie.delete(db.name);
});

describe('openPage', () => {
  it('files the page under its normalized URL and keeps firstSeen on revisits', async () => {
    const first = await openPage(db, page(), [snapshot(CLAIM_A)], { rememberAll: false }, 1000);
    expect(first.pageUrl).toBe(PAGE_URL);
    await openPage(db, page({ title: 'Iraq talks begin (updated)' }), [], { rememberAll: false }, 2000);
    const stored = await db.pages.get(PAGE_URL);
    expect(stored).toMatchObject({ firstSeen: 1000, lastSeen: 2000, title: 'Iraq talks begin (updated)', site: 'example.com' });
  });

  it('stores nothing but the page when remember-all is off', async () => {
    const state = await openPage(db, page(), [snapshot(CLAIM_A), snapshot(CLAIM_B)], { rememberAll: false });
    expect(state.stored).toEqual([]);
    expect((await everyClaim(db)).length).toBe(0);
  });

  it('stores every detection when remember-all is on, without overwriting reviewed ones', async () => {
    const a = snapshot(CLAIM_A);
    await reviewClaim(db, { pageUrl: PAGE_URL, claim: a, status: 'verified', note: 'checked' }, 10);
    const state = await openPage(db, page(), [a, snapshot(CLAIM_B)], { rememberAll: true }, 20);
    expect(state.stored).toHaveLength(2);
    const reviewed = state.stored.find((c) => c.text === CLAIM_A);
    expect(reviewed).toMatchObject({ status: 'verified', note: 'checked', reviewedAt: 10 });
    expect(state.stored.find((c) => c.text === CLAIM_B)).toMatchObject({ status: 'unreviewed', note: '' });
  });

  it('returns stored claims of this page including dismissed and manual ones', async () => {
    await dismissClaim(db, { pageUrl: PAGE_URL, claim: snapshot(CLAIM_B) });
    await reviewClaim(db, { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A, { manual: true, detectorId: 'manual-1' }) });
    await reviewClaim(db, { pageUrl: 'https://other.example.org/x', claim: snapshot(CLAIM_A), status: 'disputed' });
    const state = await openPage(db, page(), [], { rememberAll: false });
    expect(state.stored.map((c) => [c.text, c.dismissed, c.manual]).sort()).toEqual([
      [CLAIM_B, true, false],
      [CLAIM_A, false, true],
    ].sort());
  });

  it('reports the latest verdict on another page for the same claim (fingerprint), keyed by detector id', async () => {
    const wireUrl = 'https://apnews.com/article/iraq';
    await openPage(db, { href: wireUrl, title: 'AP: Iraq' }, [], { rememberAll: false });
    await reviewClaim(db, { pageUrl: wireUrl, claim: snapshot(CLAIM_A), status: 'disputed' }, 100);
    await reviewClaim(db, { pageUrl: wireUrl, claim: snapshot(CLAIM_A, { detectorId: 'other' }), status: 'verified' }, 200);
    // The syndicated copy has typographic differences and a different detector id.
    const copy = snapshot(CLAIM_A, {
      detectorId: 'syndicated-7',
      text: 'The Unemployment rate rose by twelve percent, last year',
      speaker: { name: 'AYAD ALLAWI', type: 'person' },
    });
    const state = await openPage(db, page(), [copy, snapshot(CLAIM_B)], { rememberAll: false });
    expect(state.earlier).toEqual({
      'syndicated-7': {
        claimId: claimId(wireUrl, 'other'),
        site: 'apnews.com',
        pageUrl: wireUrl,
        pageTitle: 'AP: Iraq',
        status: 'verified',
        reviewedAt: 200,
      },
    });
  });

  it('ignores unreviewed and dismissed matches and matches on the same page', async () => {
    await reviewClaim(db, { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), status: 'verified' });
    await reviewClaim(db, { pageUrl: 'https://b.example.net/x', claim: snapshot(CLAIM_A), note: 'only a note' });
    await dismissClaim(db, { pageUrl: 'https://c.example.net/x', claim: snapshot(CLAIM_A) });
    const state = await openPage(db, page(), [snapshot(CLAIM_A)], { rememberAll: false });
    expect(state.earlier).toEqual({});
  });

  it('rejects pages that are not http(s)', async () => {
    await expect(openPage(db, page({ href: 'chrome://newtab/' }), [], { rememberAll: false })).rejects.toThrow(/http/);
    expect(() => pageUrlFor({ href: 'about:blank' })).toThrow();
  });
});

describe('reviewClaim', () => {
  it('creates the claim with a stable id and fingerprint, and appends history', async () => {
    const record = await reviewClaim(db, { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), status: 'verified' }, 50);
    expect(record.id).toBe(claimId(PAGE_URL, snapshot(CLAIM_A).detectorId));
    expect(record).toMatchObject({
      pageUrl: PAGE_URL, site: 'example.com', status: 'verified', note: '', reviewedAt: 50, updatedAt: 50, createdAt: 50,
      fingerprint: claimFingerprint('Ayad Allawi', CLAIM_A), anchor: 'anchored', dismissed: false,
    });
    expect(await claimById(db, record.id)).toEqual(record);
    expect(await reviewHistory(db, record.id)).toEqual([
      { claimId: record.id, at: 50, from: { status: 'unreviewed', note: '' }, to: { status: 'verified', note: '' } },
    ]);
  });

  it('keeps an append-only history across status and note changes', async () => {
    const claim = snapshot(CLAIM_A);
    const r1 = await reviewClaim(db, { pageUrl: PAGE_URL, claim, status: 'verified' }, 1);
    await reviewClaim(db, { pageUrl: PAGE_URL, claim, note: 'Source: ministry data' }, 2);
    await reviewClaim(db, { pageUrl: PAGE_URL, claim, status: 'disputed' }, 3);
    await reviewClaim(db, { pageUrl: PAGE_URL, claim, status: 'disputed' }, 4); // no change: no entry
    await reviewClaim(db, { pageUrl: PAGE_URL, claim, status: 'unreviewed' }, 5);
    const history = await reviewHistory(db, r1.id);
    expect(history.map((h) => [h.at, h.from.status, h.to.status, h.to.note])).toEqual([
      [1, 'unreviewed', 'verified', ''],
      [2, 'verified', 'verified', 'Source: ministry data'],
      [3, 'verified', 'disputed', 'Source: ministry data'],
      [5, 'disputed', 'unreviewed', 'Source: ministry data'],
    ]);
    expect(await claimById(db, r1.id)).toMatchObject({ status: 'unreviewed', note: 'Source: ministry data', reviewedAt: 5, createdAt: 1 });
  });

  it('does not store an unchanged, unreviewed detection but does store a manual claim', async () => {
    await reviewClaim(db, { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A) });
    expect((await everyClaim(db)).length).toBe(0);
    await reviewClaim(db, { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A, { manual: true, detectorId: 'manual-x' }) });
    expect((await everyClaim(db)).length).toBe(1);
    expect((await everyReview(db)).length).toBe(0);
  });

  it('a new verdict re-bases a changed claim on the text now shown; a note edit does not', async () => {
    const claim = snapshot(CLAIM_A);
    const r = await reviewClaim(db, { pageUrl: PAGE_URL, claim, status: 'verified' }, 1);
    await recordAnchors(db, { pageUrl: PAGE_URL, anchors: [{ claimId: r.id, anchor: 'changed', currentText: 'rate rose by eleven percent' }] });
    const edited = { ...claim, text: 'rate rose by eleven percent' };
    const noted = await reviewClaim(db, { pageUrl: PAGE_URL, claim: edited, note: 'n' }, 2);
    expect(noted).toMatchObject({ text: CLAIM_A, anchor: 'changed', currentText: 'rate rose by eleven percent' });
    const rebased = await reviewClaim(db, { pageUrl: PAGE_URL, claim: edited, status: 'disputed' }, 3);
    expect(rebased).toMatchObject({ text: 'rate rose by eleven percent', anchor: 'anchored', status: 'disputed' });
    expect(rebased.currentText).toBeUndefined();
  });

  it('an explicit claimId updates that stored record even when the detector id differs', async () => {
    const stored = await reviewClaim(db, { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), status: 'verified' }, 1);
    const shownUnderOtherId = snapshot(CLAIM_A, { detectorId: `stored:${stored.id}` });
    const updated = await reviewClaim(db, { pageUrl: PAGE_URL, claimId: stored.id, claim: shownUnderOtherId, note: 'same claim' }, 2);
    expect(updated.id).toBe(stored.id);
    expect((await everyClaim(db)).length).toBe(1);
    expect(await claimById(db, stored.id)).toMatchObject({ status: 'verified', note: 'same claim' });
    const dismissed = await dismissClaim(db, { pageUrl: PAGE_URL, claimId: stored.id, claim: shownUnderOtherId });
    expect(dismissed.id).toBe(stored.id);
    expect((await everyClaim(db)).length).toBe(1);
  });

  it('refuses an explicit claimId that belongs to another page, writing nothing', async () => {
    const other = await reviewClaim(db, { pageUrl: 'https://other.example.org/x', claim: snapshot(CLAIM_A), status: 'verified' }, 1);
    const attempt = reviewClaim(db, { pageUrl: PAGE_URL, claimId: other.id, claim: snapshot(CLAIM_A), status: 'disputed' }, 2);
    await expect(attempt).rejects.toMatchObject({ name: 'InvalidPageError' });
    await expect(dismissClaim(db, { pageUrl: PAGE_URL, claimId: other.id, claim: snapshot(CLAIM_A) })).rejects.toMatchObject({ name: 'InvalidPageError' });
    expect(await claimById(db, other.id)).toMatchObject({ status: 'verified', dismissed: false });
    expect((await everyReview(db)).length).toBe(1);
  });

  it('reviewing a dismissed claim brings it back', async () => {
    await dismissClaim(db, { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A) });
    const r = await reviewClaim(db, { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), status: 'verified' });
    expect(r.dismissed).toBe(false);
  });

  it('leaves nothing half-written when the history write fails (quota), and says so plainly', async () => {
    const claim = snapshot(CLAIM_A);
    await reviewClaim(db, { pageUrl: PAGE_URL, claim, status: 'verified' }, 1);
    failGroupWrites(db, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const attempt = reviewClaim(db, { pageUrl: PAGE_URL, claim, status: 'disputed', note: 'nope' }, 2);
    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    await expect(attempt).rejects.toMatchObject({ code: 'quota', message: expect.stringMatching(/storage is full/) });
    const stored = await claimById(db, claimId(PAGE_URL, claim.detectorId));
    expect(stored).toMatchObject({ status: 'verified', note: '', updatedAt: 1 });
    expect((await everyReview(db)).length).toBe(1);
  });

  it('leaves nothing written when the claim write fails midway (abort)', async () => {
    failGroupWrites(db, () => new DOMException('aborted', 'AbortError'));
    const attempt = reviewClaim(db, { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), status: 'verified' });
    await expect(attempt).rejects.toMatchObject({ name: 'StorageError', code: 'aborted' });
    expect((await everyClaim(db)).length).toBe(0);
    expect((await everyReview(db)).length).toBe(0);
  });
});

describe('bulk operations', () => {
  async function seed() {
    const a = await reviewClaim(db, { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), status: 'verified', note: 'a' }, 1);
    const b = await reviewClaim(db, { pageUrl: 'https://other.org/x', claim: snapshot(CLAIM_B), note: 'b' }, 2);
    return [a, b] as const;
  }

  it('setStatus changes only claims whose status differs, with one history entry each', async () => {
    const [a, b] = await seed();
    const changed = await setStatus(db, [a.id, b.id, 'missing-id', b.id], 'verified', 9);
    expect(changed.map((c) => c.id)).toEqual([b.id]);
    expect(await claimById(db, b.id)).toMatchObject({ status: 'verified', note: 'b', reviewedAt: 9 });
    expect((await reviewHistory(db, b.id)).at(-1)).toMatchObject({ at: 9, from: { status: 'unreviewed' }, to: { status: 'verified', note: 'b' } });
    expect(await reviewHistory(db, a.id)).toHaveLength(1);
  });

  it('setStatus is all-or-nothing', async () => {
    const [a, b] = await seed();
    // The two claims are on two pages: the second page's write fails after the first one's.
    failGroupWrites(db, () => new DOMException('full', 'QuotaExceededError'), 2);
    await expect(setStatus(db, [a.id, b.id], 'disputed')).rejects.toMatchObject({ code: 'quota' });
    expect((await Promise.all([a.id, b.id].map((id) => claimById(db, id)))).map((c) => c?.status)).toEqual(['verified', 'unreviewed']);
  });

  it('setNote follows the same rule as a note typed in the card: one history entry, updatedAt and reviewedAt stamped', async () => {
    const [a] = await seed();
    const viaCard = await reviewClaim(db, { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), note: 'card note' }, 5);
    const viaLibrary = await setNote(db, a.id, 'library note', 6);
    expect(viaLibrary).toEqual({ ...viaCard, note: 'library note', updatedAt: 6, reviewedAt: 6 });
    expect(await claimById(db, a.id)).toEqual(viaLibrary);
    expect((await reviewHistory(db, a.id)).slice(-2)).toMatchObject([
      { at: 5, from: { status: 'verified', note: 'a' }, to: { status: 'verified', note: 'card note' } },
      { at: 6, from: { status: 'verified', note: 'card note' }, to: { status: 'verified', note: 'library note' } },
    ]);
  });

  it('setNote writes nothing when the note is unchanged or the claim is gone', async () => {
    const [a] = await seed();
    expect(await setNote(db, a.id, 'a', 7)).toMatchObject({ note: 'a', updatedAt: 1 });
    expect(await setNote(db, 'missing-id', 'x', 7)).toBeUndefined();
    expect((await everyReview(db)).length).toBe(2);
  });

  it('setNote is all-or-nothing', async () => {
    const [a] = await seed();
    failGroupWrites(db, () => new DOMException('full', 'QuotaExceededError'));
    await expect(setNote(db, a.id, 'lost')).rejects.toMatchObject({ code: 'quota' });
    expect(await claimById(db, a.id)).toMatchObject({ note: 'a', updatedAt: 1 });
  });

  it('delete then restore gives back the same claims and history (undo)', async () => {
    const [a, b] = await seed();
    const before = { claims: await everyClaim(db), reviews: await everyReview(db) };
    const undo = await claimsWithHistory(db, [a.id, b.id]);
    const removed = await deleteClaims(db, [a.id, b.id]);
    expect(removed.claims).toHaveLength(2);
    expect(removed).toEqual(undo);
    expect((await everyClaim(db)).length).toBe(0);
    expect((await everyReview(db)).length).toBe(0);
    expect(await restoreClaims(db, removed.claims, removed.reviews)).toBe(2);
    expect(await everyClaim(db)).toEqual(before.claims);
    expect(await everyReview(db)).toEqual(before.reviews);
  });

  it('a page whose last claim is deleted keeps no claim record; the lookups by id and fingerprint forget the claim', async () => {
    const [a, b] = await seed();
    await deleteClaims(db, [a.id]);
    expect((await allGroups(db)).map((g) => g.pageUrl)).toEqual(['https://other.org/x']);
    expect(await db.claimChunks.count()).toBe(1);
    expect(await pagesWith(db.directory, 'id', [a.id])).toEqual([]);
    expect(await pagesWith(db.directory, 'fp', [a.fingerprint])).toEqual([]);
    expect(await setStatus(db, [a.id, b.id], 'disputed')).toEqual([expect.objectContaining({ id: b.id, status: 'disputed' })]);
    expect(await reviewHistory(db, a.id)).toEqual([]);
  });

  it('the directory follows every write: a dismissal or cleared verdict is no longer cited on other pages', async () => {
    const [a] = await seed();
    const filed = async () => [await pagesWith(db.directory, 'id', [a.id]), await pagesWith(db.directory, 'fp', [a.fingerprint])];
    expect(await filed()).toEqual([[PAGE_URL], [PAGE_URL]]);
    await setStatus(db, [a.id], 'unreviewed');
    expect(await filed()).toEqual([[PAGE_URL], []]);
    await setStatus(db, [a.id], 'verified');
    await dismissClaim(db, { pageUrl: PAGE_URL, claimId: a.id, claim: snapshot(CLAIM_A) });
    expect(await filed()).toEqual([[PAGE_URL], []]);
    // The same fingerprint verified on two pages is filed under both.
    await reviewClaim(db, { pageUrl: PAGE_URL, claimId: a.id, claim: snapshot(CLAIM_A), status: 'verified' });
    const copy = await reviewClaim(db, { pageUrl: 'https://copy.example/x', claim: snapshot(CLAIM_A), status: 'disputed' });
    expect((await pagesWith(db.directory, 'fp', [copy.fingerprint])).sort()).toEqual(['https://copy.example/x', PAGE_URL]);
  });

  it('restoring a claim whose id is now filed under another page moves it there, history and all', async () => {
    const [a] = await seed();
    const moved = { ...a, pageUrl: 'https://other.org/x', site: 'other.org' };
    expect(await restoreClaims(db, [moved])).toBe(1);
    expect(await storedClaims(db, PAGE_URL)).toEqual([]);
    expect((await storedClaims(db, 'https://other.org/x')).map((c) => c.id).sort()).toEqual([a.id, claimId('https://other.org/x', snapshot(CLAIM_B).detectorId)].sort());
    expect(await reviewHistory(db, a.id)).toHaveLength(1);
    // Restoring again with the same history adds nothing twice.
    await restoreClaims(db, [moved], await reviewHistory(db, a.id));
    expect(await reviewHistory(db, a.id)).toHaveLength(1);
    expect((await everyClaim(db)).filter((c) => c.id === a.id)).toHaveLength(1);
  });

  it('recordAnchors updates only the reported page, without touching updatedAt or history', async () => {
    const [a, b] = await seed();
    const changed = await recordAnchors(db, {
      pageUrl: PAGE_URL,
      anchors: [
        { claimId: a.id, anchor: 'orphaned' },
        { claimId: b.id, anchor: 'orphaned' }, // belongs to another page: ignored
      ],
    });
    expect(changed.map((c) => c.id)).toEqual([a.id]);
    expect(await claimById(db, a.id)).toMatchObject({ anchor: 'orphaned', updatedAt: 1 });
    expect(await claimById(db, b.id)).toMatchObject({ anchor: 'anchored' });
    expect(await recordAnchors(db, { pageUrl: PAGE_URL, anchors: [{ claimId: a.id, anchor: 'orphaned' }] })).toEqual([]);
    expect((await everyReview(db)).length).toBe(2);
  });
});
