/**
 * Every write ClaimTrail makes, as functions over the database. Each runs in one transaction, so a
 * failure leaves nothing half-written, and surfaces as a StorageError with a user-facing message.
 */
import type {
  AnchorReport,
  ClaimDismissal,
  ClaimSnapshot,
  EarlierVerdict,
  PageInfo,
  PageState,
  ReviewUpdate,
} from '../messaging/protocol';
import { pageKey, siteOf } from '../url/normalize';
import { ClaimGroupEdits, hasVerdict, isGroup, reviewKey, type ClaimGroup } from './claim-group';
import { ClaimStore, type GroupWrite } from './claim-store';
import type { ClaimTrailDb } from './database';
import { pagesWith } from './directory';
import { guarded, InvalidPageError } from './errors';
import { claimFingerprint, claimId } from './fingerprint';
import type { ClaimRecord, PageRecord, ReviewRecord, ReviewState, ReviewStatus } from './types';

export interface StoragePolicy {
  /** "Remember every detected claim on pages I read": store unreviewed detections too. */
  rememberAll: boolean;
}


/** Resolves the key a page is filed under, or throws InvalidPageError. */
export function pageUrlFor(page: Pick<PageInfo, 'href' | 'canonical'>): string {
  const key = pageKey(page);
  if (!key) throw new InvalidPageError(`ClaimTrail only tracks http and https pages, not ${page.href.slice(0, 100)}`);
  return key;
}

export function claimFromSnapshot(pageUrl: string, snapshot: ClaimSnapshot, now: number, id?: string): ClaimRecord {
  return {
    id: id ?? claimId(pageUrl, snapshot.detectorId),
    pageUrl,
    site: siteOf(pageUrl),
    speaker: snapshot.speaker,
    cue: snapshot.cue,
    kind: snapshot.kind,
    text: snapshot.text,
    selectors: snapshot.selectors,
    status: 'unreviewed',
    note: '',
    fingerprint: claimFingerprint(snapshot.speaker?.name, snapshot.text),
    createdAt: now,
    updatedAt: now,
    anchor: 'anchored',
    manual: snapshot.manual,
    dismissed: false,
  };
}

/** The stored groups holding any of these claim ids, found through the directory. */
async function groupsHolding(db: ClaimTrailDb, store: ClaimStore, ids: Iterable<string>): Promise<ClaimGroup[]> {
  const pages = await pagesWith(db.directory, 'id', ids);
  return pages.length === 0 ? [] : (await store.groups(pages)).filter(isGroup);
}

/** One page's stored group. */
async function groupOf(store: ClaimStore, pageUrl: string): Promise<ClaimGroup | undefined> {
  const [group] = await store.groups([pageUrl]);
  return group;
}

/** The claims among `ids` held by `groups`, in the order of `ids`. */
function claimsAmong(groups: readonly ClaimGroup[], ids: readonly string[]): ClaimRecord[] {
  const byId = new Map<string, ClaimRecord>();
  for (const g of groups) for (const c of g.claims) byId.set(c.id, c);
  return [...new Set(ids)].map((id) => byId.get(id)).filter((c): c is ClaimRecord => c !== undefined);
}

/** `claims` with `update` in place of the record with its id, or appended. */
function upsert(claims: readonly ClaimRecord[], update: ClaimRecord): ClaimRecord[] {
  const at = claims.findIndex((c) => c.id === update.id);
  return at < 0 ? [...claims, update] : claims.map((c, i) => (i === at ? update : c));
}

/** One page's new claims and history (no claims: the page's records go). */
function groupWrite(pageUrl: string, claims: ClaimRecord[], reviews: ReviewRecord[]): GroupWrite {
  return { pageUrl, after: claims.length > 0 ? { pageUrl, claims, reviews } : undefined };
}

/**
 * The stored claim a review or dismissal addresses (by explicit id, else derived), the page's group,
 * or the record to create. An explicit id must not reach into another page's claims.
 */
async function targetClaim(
  db: ClaimTrailDb,
  store: ClaimStore,
  input: { pageUrl: string; claimId?: string | undefined; claim: ClaimSnapshot },
  now: number,
): Promise<{ group: ClaimGroup | undefined; existing: ClaimRecord | undefined; fresh: ClaimRecord }> {
  const fresh = claimFromSnapshot(input.pageUrl, input.claim, now, input.claimId);
  const group = await groupOf(store, input.pageUrl);
  const existing = group?.claims.find((c) => c.id === fresh.id);
  // A derived id hashes the page URL in, so only an explicit one can name another page's claim.
  if (!existing && input.claimId !== undefined && (await pagesWith(db.directory, 'id', [input.claimId])).length > 0) {
    throw new InvalidPageError('This claim belongs to another page.');
  }
  return { group, existing, fresh };
}

function sameReview(a: ReviewState, b: ReviewState): boolean {
  return a.status === b.status && a.note === b.note;
}

/**
 * The one rule every review path follows (card, popup, library, bulk): a change of status or note
 * is stamped updatedAt = reviewedAt = now — so the latest write wins everywhere, imports included —
 * and recorded as one history entry. Returns null when nothing changes.
 */
function reviewed(claim: ClaimRecord, to: ReviewState, now: number): { record: ClaimRecord; history: ReviewRecord } | null {
  const from: ReviewState = { status: claim.status, note: claim.note };
  if (sameReview(from, to)) return null;
  return {
    record: { ...claim, status: to.status, note: to.note, updatedAt: now, reviewedAt: now },
    history: { claimId: claim.id, at: now, from, to },
  };
}

/**
 * Records a visit: upserts the page, stores detections when the policy says so, and returns the
 * page's stored claims plus earlier verdicts on OTHER pages for claims with the same fingerprint.
 */
export async function openPage(
  db: ClaimTrailDb,
  page: PageInfo,
  snapshots: ClaimSnapshot[],
  policy: StoragePolicy,
  now: number = Date.now(),
): Promise<PageState> {
  const pageUrl = pageUrlFor(page);
  return guarded(() =>
    db.transaction('rw', db.pages, db.claimChunks, db.directory, async () => {
      const store = new ClaimStore(db);
      const [existing, group] = await Promise.all([db.pages.get(pageUrl), groupOf(store, pageUrl)]);
      const record: PageRecord = {
        url: pageUrl,
        title: page.title,
        site: siteOf(pageUrl),
        firstSeen: existing?.firstSeen ?? now,
        lastSeen: now,
        ...(page.canonical !== undefined && { canonicalUrl: page.canonical }),
        ...(page.author !== undefined && { author: page.author }),
        ...(page.published !== undefined && { published: page.published }),
      };
      await db.pages.put(record);

      let stored = group?.claims ?? [];
      if (policy.rememberAll && snapshots.length > 0) {
        const present = new Set(stored.map((c) => c.id));
        const fresh: ClaimRecord[] = [];
        for (const s of snapshots) {
          const claim = claimFromSnapshot(pageUrl, s, now);
          if (present.has(claim.id)) continue;
          present.add(claim.id);
          fresh.push(claim);
        }
        if (fresh.length > 0) {
          stored = [...stored, ...fresh];
          await store.write([groupWrite(pageUrl, stored, group?.reviews ?? [])]);
        }
      }

      const earlier = await earlierVerdicts(db, store, pageUrl, snapshots);
      return { pageUrl, stored, earlier };
    }),
  );
}

async function earlierVerdicts(
  db: ClaimTrailDb,
  store: ClaimStore,
  pageUrl: string,
  snapshots: ClaimSnapshot[],
): Promise<Record<string, EarlierVerdict>> {
  const byFingerprint = new Map<string, string[]>();
  for (const s of snapshots) {
    const fp = claimFingerprint(s.speaker?.name, s.text);
    byFingerprint.set(fp, [...(byFingerprint.get(fp) ?? []), s.detectorId]);
  }
  if (byFingerprint.size === 0) return {};
  const elsewhere = (await pagesWith(db.directory, 'fp', byFingerprint.keys())).filter((url) => url !== pageUrl);
  const groups = elsewhere.length === 0 ? [] : await store.groups(elsewhere);
  const latest = new Map<string, ClaimRecord>();
  for (const group of groups) {
    if (!group) continue;
    for (const c of group.claims) {
      if (!hasVerdict(c) || !byFingerprint.has(c.fingerprint)) continue;
      const prev = latest.get(c.fingerprint);
      if (!prev || (c.reviewedAt ?? 0) > (prev.reviewedAt ?? 0)) latest.set(c.fingerprint, c);
    }
  }
  const pages = await db.pages.bulkGet([...latest.values()].map((c) => c.pageUrl));
  const pageByUrl = new Map(pages.filter((p): p is PageRecord => !!p).map((p) => [p.url, p]));
  const result: Record<string, EarlierVerdict> = {};
  for (const [fp, claim] of latest) {
    if (claim.status === 'unreviewed') continue;
    const p = pageByUrl.get(claim.pageUrl);
    const verdict: EarlierVerdict = {
      claimId: claim.id,
      site: p?.site ?? siteOf(claim.pageUrl),
      pageUrl: claim.pageUrl,
      pageTitle: p?.title ?? '',
      status: claim.status,
      reviewedAt: claim.reviewedAt ?? claim.updatedAt,
    };
    for (const detectorId of byFingerprint.get(fp) ?? []) result[detectorId] = verdict;
  }
  return result;
}

/**
 * Sets a claim's status and/or note, creating the claim if it was not stored yet, and appends the
 * change to its history — both or neither. An explicit status re-bases the claim on the snapshot's
 * text (the reader judged what they see now); a note-only edit keeps the text that was reviewed.
 */
export function reviewClaim(db: ClaimTrailDb, update: ReviewUpdate, now: number = Date.now()): Promise<ClaimRecord> {
  return guarded(() =>
    db.transaction('rw', db.claimChunks, db.directory, async () => {
      const store = new ClaimStore(db);
      const { group, existing, fresh } = await targetClaim(db, store, update, now);
      const base = existing ?? fresh;
      const change = reviewed(base, { status: update.status ?? base.status, note: update.note ?? base.note }, now);
      if (existing && !change && !existing.dismissed) return existing;
      if (!existing && !change && !fresh.manual) return fresh;

      const rebase = update.status !== undefined && existing !== undefined && existing.text !== fresh.text;
      const record: ClaimRecord = {
        ...(change?.record ?? base),
        ...(rebase && {
          text: fresh.text,
          selectors: fresh.selectors,
          speaker: fresh.speaker,
          cue: fresh.cue,
          kind: fresh.kind,
          fingerprint: fresh.fingerprint,
          anchor: 'anchored' as const,
        }),
        site: siteOf(base.pageUrl),
        dismissed: false,
        updatedAt: now,
      };
      if (rebase) delete record.currentText;
      const history = group?.reviews ?? [];
      await store.write([groupWrite(update.pageUrl, upsert(group?.claims ?? [], record), change ? [...history, change.history] : history)]);
      return record;
    }),
  );
}

/** "Not a claim": remembered so the detection is not shown again on this page. */
export function dismissClaim(db: ClaimTrailDb, input: ClaimDismissal, now: number = Date.now()): Promise<ClaimRecord> {
  return guarded(() =>
    db.transaction('rw', db.claimChunks, db.directory, async () => {
      const store = new ClaimStore(db);
      const { group, existing, fresh } = await targetClaim(db, store, input, now);
      const record: ClaimRecord = { ...(existing ?? fresh), dismissed: true, updatedAt: now };
      await store.write([groupWrite(input.pageUrl, upsert(group?.claims ?? [], record), group?.reviews ?? [])]);
      return record;
    }),
  );
}

interface Edited {
  record: ClaimRecord;
  history?: ReviewRecord;
}

/**
 * Applies `edit` to the claims among `ids` in `groups` and writes the groups that changed. Returns
 * the changed claims in the order of `ids`.
 */
async function editClaims(
  store: ClaimStore,
  groups: readonly ClaimGroup[],
  ids: readonly string[],
  edit: (claim: ClaimRecord) => Edited | null,
): Promise<ClaimRecord[]> {
  const wanted = new Set(ids);
  const changed = new Map<string, ClaimRecord>();
  const writes: GroupWrite[] = [];
  for (const group of groups) {
    const history: ReviewRecord[] = [];
    let touched = false;
    const claims = group.claims.map((c) => {
      const edited = wanted.has(c.id) ? edit(c) : null;
      if (!edited) return c;
      touched = true;
      changed.set(c.id, edited.record);
      if (edited.history) history.push(edited.history);
      return edited.record;
    });
    if (touched) writes.push(groupWrite(group.pageUrl, claims, history.length > 0 ? [...group.reviews, ...history] : group.reviews));
  }
  await store.write(writes);
  return [...wanted].map((id) => changed.get(id)).filter((c): c is ClaimRecord => c !== undefined);
}

/** Bulk status change; returns the claims that actually changed (each gets a history entry). */
export function setStatus(
  db: ClaimTrailDb,
  ids: readonly string[],
  status: ReviewStatus,
  now: number = Date.now(),
): Promise<ClaimRecord[]> {
  return guarded(() =>
    db.transaction('rw', db.claimChunks, db.directory, async () => {
      const store = new ClaimStore(db);
      return editClaims(store, await groupsHolding(db, store, ids), ids, (c) => reviewed(c, { status, note: c.note }, now));
    }),
  );
}

/**
 * A note edited on a stored claim, addressed by id (the library has no page snapshot to send):
 * the same review rule and history as a note typed in the card or popup. Returns the claim as it
 * now is, or undefined when it no longer exists.
 */
export function setNote(db: ClaimTrailDb, claimId: string, note: string, now: number = Date.now()): Promise<ClaimRecord | undefined> {
  return guarded(() =>
    db.transaction('rw', db.claimChunks, db.directory, async () => {
      const store = new ClaimStore(db);
      const [group] = await groupsHolding(db, store, [claimId]);
      const claim = group?.claims.find((c) => c.id === claimId);
      if (!group || !claim) return undefined;
      const [changed] = await editClaims(store, [group], [claimId], (c) => reviewed(c, { status: c.status, note }, now));
      return changed ?? claim;
    }),
  );
}

export interface DeletedClaims {
  claims: ClaimRecord[];
  reviews: ReviewRecord[];
}

function deletedAmong(groups: readonly ClaimGroup[], ids: readonly string[]): DeletedClaims {
  const claims = claimsAmong(groups, ids);
  const found = new Set(claims.map((c) => c.id));
  return { claims, reviews: groups.flatMap((g) => g.reviews.filter((r) => found.has(r.claimId))) };
}

/** These claims, wherever they are stored, in the order of `ids`, and their history (an export, an undo buffer). */
export function claimsWithHistory(db: ClaimTrailDb, ids: readonly string[]): Promise<DeletedClaims> {
  return guarded(() =>
    db.transaction('r', db.claimChunks, db.directory, async () => deletedAmong(await groupsHolding(db, new ClaimStore(db), ids), ids)),
  );
}

/** Deletes claims with their history; returns what was removed so the caller can offer undo. */
export function deleteClaims(db: ClaimTrailDb, ids: readonly string[]): Promise<DeletedClaims> {
  return guarded(() =>
    db.transaction('rw', db.claimChunks, db.directory, async () => {
      const wanted = new Set(ids);
      const store = new ClaimStore(db);
      const groups = await groupsHolding(db, store, wanted);
      await store.write(groups.map((g) => groupWrite(g.pageUrl, g.claims.filter((c) => !wanted.has(c.id)), g.reviews.filter((r) => !wanted.has(r.claimId)))));
      return deletedAmong(groups, ids);
    }),
  );
}

/**
 * Puts deleted claims (and their history, when given) back exactly as they were: each on its own
 * page, in place of any record with its id, with the history already stored for it and the given
 * entries not already there. History of a claim not restored here has no page to go to and is not stored.
 */
export function restoreClaims(db: ClaimTrailDb, claims: ClaimRecord[], reviews: ReviewRecord[] = []): Promise<number> {
  return guarded(() =>
    db.transaction('rw', db.claimChunks, db.directory, async () => {
      const ids = new Set(claims.map((c) => c.id));
      const store = new ClaimStore(db);
      const [holding, targets] = await Promise.all([groupsHolding(db, store, ids), store.groups(new Set(claims.map((c) => c.pageUrl)))]);
      const edits = new ClaimGroupEdits([...holding, ...targets]);
      const known = new Set(holding.flatMap((g) => g.reviews.filter((r) => ids.has(r.claimId)).map(reviewKey)));
      for (const c of claims) edits.putClaim({ ...c, site: c.site ?? siteOf(c.pageUrl) });
      for (const r of reviews) {
        const key = reviewKey(r);
        if (!ids.has(r.claimId) || known.has(key)) continue;
        known.add(key);
        edits.addReview(r);
      }
      // Through the store the groups were read with, so they are not read again.
      await store.write(edits.changes());
      return claims.length;
    }),
  );
}

/**
 * Stores how the page's claims re-anchored on this visit. Only claims of the reported page are
 * touched; the anchor state is not a review, so updatedAt and history stay as they were.
 */
export function recordAnchors(db: ClaimTrailDb, report: AnchorReport): Promise<ClaimRecord[]> {
  return guarded(() =>
    db.transaction('rw', db.claimChunks, db.directory, async () => {
      const store = new ClaimStore(db);
      const group = await groupOf(store, report.pageUrl);
      if (!group) return [];
      const anchors = new Map(report.anchors.map((a) => [a.claimId, a]));
      return editClaims(store, [group], [...anchors.keys()], (c) => {
        const a = anchors.get(c.id);
        if (!a) return null;
        const currentText = a.anchor === 'changed' ? a.currentText : undefined;
        if (c.anchor === a.anchor && c.currentText === currentText) return null;
        const next: ClaimRecord = { ...c, anchor: a.anchor };
        if (currentText === undefined) delete next.currentText;
        else next.currentText = currentText;
        return { record: next };
      });
    }),
  );
}

/** A page's stored claims (what 'claims:changed' carries and the popup lists). */
export function storedClaims(db: ClaimTrailDb, pageUrl: string): Promise<ClaimRecord[]> {
  return guarded(() => db.transaction('r', db.claimChunks, db.directory, async () => (await groupOf(new ClaimStore(db), pageUrl))?.claims ?? []));
}

/** Every stored group, page by page (in one read of all records). */
export function allGroups(db: ClaimTrailDb): Promise<ClaimGroup[]> {
  return guarded(() => db.transaction('r', db.claimChunks, db.directory, async () => new ClaimStore(db).all()));
}

/** Every stored claim, page by page (the library's list). */
export function allClaims(db: ClaimTrailDb): Promise<ClaimRecord[]> {
  return guarded(async () => (await allGroups(db)).flatMap((g) => g.claims));
}

/** The pages that have claims stored. */
export function pagesWithClaims(db: ClaimTrailDb): Promise<string[]> {
  return guarded(async () => (await allGroups(db)).map((g) => g.pageUrl));
}

/** A claim's review history, oldest first. */
export function reviewHistory(db: ClaimTrailDb, claimId: string): Promise<ReviewRecord[]> {
  return guarded(() =>
    db.transaction('r', db.claimChunks, db.directory, async () => {
      const [group] = await groupsHolding(db, new ClaimStore(db), [claimId]);
      return (group?.reviews ?? []).filter((r) => r.claimId === claimId).sort((a, b) => a.at - b.at);
    }),
  );
}
