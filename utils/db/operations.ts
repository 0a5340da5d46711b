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
import type { ClaimTrailDb } from './database';
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

/**
 * The stored claim a review or dismissal addresses (by explicit id, else derived), or the record to
 * create. An explicit id must not reach into another page's claims.
 */
async function targetClaim(
  db: ClaimTrailDb,
  input: { pageUrl: string; claimId?: string | undefined; claim: ClaimSnapshot },
  now: number,
): Promise<{ existing: ClaimRecord | undefined; fresh: ClaimRecord }> {
  const fresh = claimFromSnapshot(input.pageUrl, input.claim, now, input.claimId);
  const existing = await db.claims.get(fresh.id);
  if (existing && existing.pageUrl !== input.pageUrl) {
    throw new InvalidPageError('This claim belongs to another page.');
  }
  return { existing, fresh };
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
    db.transaction('rw', db.pages, db.claims, async () => {
      const existing = await db.pages.get(pageUrl);
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

      if (policy.rememberAll && snapshots.length > 0) {
        const fresh = snapshots.map((s) => claimFromSnapshot(pageUrl, s, now));
        const present = await db.claims.bulkGet(fresh.map((c) => c.id));
        await db.claims.bulkAdd(fresh.filter((_, i) => present[i] === undefined));
      }

      const stored = await db.claims.where('pageUrl').equals(pageUrl).toArray();
      const earlier = await earlierVerdicts(db, pageUrl, snapshots);
      return { pageUrl, stored, earlier };
    }),
  );
}

async function earlierVerdicts(
  db: ClaimTrailDb,
  pageUrl: string,
  snapshots: ClaimSnapshot[],
): Promise<Record<string, EarlierVerdict>> {
  const byFingerprint = new Map<string, string[]>();
  for (const s of snapshots) {
    const fp = claimFingerprint(s.speaker?.name, s.text);
    byFingerprint.set(fp, [...(byFingerprint.get(fp) ?? []), s.detectorId]);
  }
  if (byFingerprint.size === 0) return {};
  const matches = await db.claims.where('fingerprint').anyOf([...byFingerprint.keys()]).toArray();
  const latest = new Map<string, ClaimRecord>();
  for (const c of matches) {
    if (c.pageUrl === pageUrl || c.dismissed || c.status === 'unreviewed') continue;
    const prev = latest.get(c.fingerprint);
    if (!prev || (c.reviewedAt ?? 0) > (prev.reviewedAt ?? 0)) latest.set(c.fingerprint, c);
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
    db.transaction('rw', db.claims, db.reviews, async () => {
      const { existing, fresh } = await targetClaim(db, update, now);
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
      await db.claims.put(record);
      if (change) await db.reviews.add(change.history);
      return record;
    }),
  );
}

/** "Not a claim": remembered so the detection is not shown again on this page. */
export function dismissClaim(db: ClaimTrailDb, input: ClaimDismissal, now: number = Date.now()): Promise<ClaimRecord> {
  return guarded(() =>
    db.transaction('rw', db.claims, async () => {
      const { existing, fresh } = await targetClaim(db, input, now);
      const record: ClaimRecord = { ...(existing ?? fresh), dismissed: true, updatedAt: now };
      await db.claims.put(record);
      return record;
    }),
  );
}

/** Bulk status change; returns the claims that actually changed (each gets a history entry). */
export function setStatus(
  db: ClaimTrailDb,
  ids: readonly string[],
  status: ReviewStatus,
  now: number = Date.now(),
): Promise<ClaimRecord[]> {
  return guarded(() =>
    db.transaction('rw', db.claims, db.reviews, async () => {
      const claims = await db.claims.bulkGet([...new Set(ids)]);
      const changed: ClaimRecord[] = [];
      const history: ReviewRecord[] = [];
      for (const c of claims) {
        const change = c && reviewed(c, { status, note: c.note }, now);
        if (!change) continue;
        changed.push(change.record);
        history.push(change.history);
      }
      await db.claims.bulkPut(changed);
      await db.reviews.bulkAdd(history);
      return changed;
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
    db.transaction('rw', db.claims, db.reviews, async () => {
      const claim = await db.claims.get(claimId);
      const change = claim && reviewed(claim, { status: claim.status, note }, now);
      if (!change) return claim;
      await db.claims.put(change.record);
      await db.reviews.add(change.history);
      return change.record;
    }),
  );
}

export interface DeletedClaims {
  claims: ClaimRecord[];
  reviews: ReviewRecord[];
}

/** What deleting these claims would remove, for an undo buffer. */
export function collectForUndo(db: ClaimTrailDb, ids: readonly string[]): Promise<DeletedClaims> {
  return guarded(() =>
    db.transaction('r', db.claims, db.reviews, async () => {
      const claims = (await db.claims.bulkGet([...ids])).filter((c): c is ClaimRecord => !!c);
      const reviews = await db.reviews.where('claimId').anyOf(claims.map((c) => c.id)).toArray();
      return { claims, reviews };
    }),
  );
}

/** Deletes claims with their history; returns what was removed so the caller can offer undo. */
export function deleteClaims(db: ClaimTrailDb, ids: readonly string[]): Promise<DeletedClaims> {
  return guarded(() =>
    db.transaction('rw', db.claims, db.reviews, async () => {
      const removed = await collectForUndo(db, ids);
      const claimIds = removed.claims.map((c) => c.id);
      await db.claims.bulkDelete(claimIds);
      await db.reviews.where('claimId').anyOf(claimIds).delete();
      return removed;
    }),
  );
}

/** Puts deleted claims (and their history, when given) back exactly as they were. */
export function restoreClaims(db: ClaimTrailDb, claims: ClaimRecord[], reviews: ReviewRecord[] = []): Promise<number> {
  return guarded(() =>
    db.transaction('rw', db.claims, db.reviews, async () => {
      await db.claims.bulkPut(claims.map((c) => ({ ...c, site: c.site ?? siteOf(c.pageUrl) })));
      await db.reviews.bulkPut(reviews);
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
    db.transaction('rw', db.claims, async () => {
      const claims = await db.claims.bulkGet(report.anchors.map((a) => a.claimId));
      const changed: ClaimRecord[] = [];
      report.anchors.forEach((a, i) => {
        const c = claims[i];
        if (!c || c.pageUrl !== report.pageUrl) return;
        const currentText = a.anchor === 'changed' ? a.currentText : undefined;
        if (c.anchor === a.anchor && c.currentText === currentText) return;
        const next: ClaimRecord = { ...c, anchor: a.anchor };
        if (currentText === undefined) delete next.currentText;
        else next.currentText = currentText;
        changed.push(next);
      });
      await db.claims.bulkPut(changed);
      return changed;
    }),
  );
}

/** A page's stored claims (what 'claims:changed' carries and the popup lists). */
export function storedClaims(db: ClaimTrailDb, pageUrl: string): Promise<ClaimRecord[]> {
  return guarded(() => db.claims.where('pageUrl').equals(pageUrl).toArray());
}

/** A claim's review history, oldest first. */
export function reviewHistory(db: ClaimTrailDb, claimId: string): Promise<ReviewRecord[]> {
  return guarded(() => db.reviews.where('claimId').equals(claimId).sortBy('at'));
}
