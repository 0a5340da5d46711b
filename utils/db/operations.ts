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
import { claimGroup, ClaimGroupEdits, hasVerdict, reviewKey, type ClaimGroup } from './claim-group';
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

/** Groups holding these claim ids: a few are found through the claimIds index, many in one read of every group. */
const MANY_IDS = 500;

async function groupsHolding(db: ClaimTrailDb, ids: ReadonlySet<string>): Promise<ClaimGroup[]> {
  if (ids.size === 0) return [];
  if (ids.size > MANY_IDS) return (await db.claimGroups.toArray()).filter((g) => g.claimIds.some((id) => ids.has(id)));
  return db.claimGroups.where('claimIds').anyOf([...ids]).distinct().toArray();
}

/** The claims among `ids` held by `groups`, in the order of `ids`. */
function claimsAmong(groups: readonly ClaimGroup[], ids: readonly string[]): ClaimRecord[] {
  const byId = new Map<string, ClaimRecord>();
  for (const g of groups) for (const c of g.claims) byId.set(c.id, c);
  return [...new Set(ids)].map((id) => byId.get(id)).filter((c): c is ClaimRecord => c !== undefined);
}

/** `claims` with `updates` in place of the records with the same id, and the others appended. */
function upsert(claims: readonly ClaimRecord[], updates: readonly ClaimRecord[]): ClaimRecord[] {
  const byId = new Map(updates.map((c) => [c.id, c]));
  const out = claims.map((c) => {
    const update = byId.get(c.id);
    byId.delete(c.id);
    return update ?? c;
  });
  return [...out, ...byId.values()];
}

/** Writes a page's claims and history as one record; a page left without claims has no record. */
function saveGroup(db: ClaimTrailDb, pageUrl: string, claims: ClaimRecord[], reviews: ReviewRecord[]): Promise<unknown> {
  return claims.length === 0 ? db.claimGroups.delete(pageUrl) : db.claimGroups.put(claimGroup(pageUrl, claims, reviews));
}

/**
 * The stored claim a review or dismissal addresses (by explicit id, else derived), the page's group,
 * or the record to create. An explicit id must not reach into another page's claims.
 */
async function targetClaim(
  db: ClaimTrailDb,
  input: { pageUrl: string; claimId?: string | undefined; claim: ClaimSnapshot },
  now: number,
): Promise<{ group: ClaimGroup | undefined; existing: ClaimRecord | undefined; fresh: ClaimRecord }> {
  const fresh = claimFromSnapshot(input.pageUrl, input.claim, now, input.claimId);
  const group = await db.claimGroups.get(input.pageUrl);
  const existing = group?.claims.find((c) => c.id === fresh.id);
  // A derived id hashes the page URL in, so only an explicit one can name another page's claim.
  if (!existing && input.claimId !== undefined && (await db.claimGroups.where('claimIds').equals(input.claimId).count()) > 0) {
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
    db.transaction('rw', db.pages, db.claimGroups, async () => {
      const [existing, group] = await Promise.all([db.pages.get(pageUrl), db.claimGroups.get(pageUrl)]);
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
          await saveGroup(db, pageUrl, stored, group?.reviews ?? []);
        }
      }

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
  const groups = await db.claimGroups.where('verdictFingerprints').anyOf([...byFingerprint.keys()]).distinct().toArray();
  const latest = new Map<string, ClaimRecord>();
  for (const group of groups) {
    if (group.pageUrl === pageUrl) continue;
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
    db.transaction('rw', db.claimGroups, async () => {
      const { group, existing, fresh } = await targetClaim(db, update, now);
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
      await saveGroup(db, update.pageUrl, upsert(group?.claims ?? [], [record]), change ? [...history, change.history] : history);
      return record;
    }),
  );
}

/** "Not a claim": remembered so the detection is not shown again on this page. */
export function dismissClaim(db: ClaimTrailDb, input: ClaimDismissal, now: number = Date.now()): Promise<ClaimRecord> {
  return guarded(() =>
    db.transaction('rw', db.claimGroups, async () => {
      const { group, existing, fresh } = await targetClaim(db, input, now);
      const record: ClaimRecord = { ...(existing ?? fresh), dismissed: true, updatedAt: now };
      await saveGroup(db, input.pageUrl, upsert(group?.claims ?? [], [record]), group?.reviews ?? []);
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
  db: ClaimTrailDb,
  groups: readonly ClaimGroup[],
  ids: readonly string[],
  edit: (claim: ClaimRecord) => Edited | null,
): Promise<ClaimRecord[]> {
  const wanted = new Set(ids);
  const changed = new Map<string, ClaimRecord>();
  const writes: ClaimGroup[] = [];
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
    if (touched) writes.push(claimGroup(group.pageUrl, claims, history.length > 0 ? [...group.reviews, ...history] : group.reviews));
  }
  await db.claimGroups.bulkPut(writes);
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
    db.transaction('rw', db.claimGroups, async () =>
      editClaims(db, await groupsHolding(db, new Set(ids)), ids, (c) => reviewed(c, { status, note: c.note }, now)),
    ),
  );
}

/**
 * A note edited on a stored claim, addressed by id (the library has no page snapshot to send):
 * the same review rule and history as a note typed in the card or popup. Returns the claim as it
 * now is, or undefined when it no longer exists.
 */
export function setNote(db: ClaimTrailDb, claimId: string, note: string, now: number = Date.now()): Promise<ClaimRecord | undefined> {
  return guarded(() =>
    db.transaction('rw', db.claimGroups, async () => {
      const group = await db.claimGroups.where('claimIds').equals(claimId).first();
      const claim = group?.claims.find((c) => c.id === claimId);
      if (!group || !claim) return undefined;
      const [changed] = await editClaims(db, [group], [claimId], (c) => reviewed(c, { status: c.status, note }, now));
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

/** These claims, wherever they are stored, in the order of `ids`, and their history. */
export function claimsWithHistory(db: ClaimTrailDb, ids: readonly string[]): Promise<DeletedClaims> {
  return guarded(() =>
    db.transaction('r', db.claimGroups, async () => deletedAmong(await groupsHolding(db, new Set(ids)), ids)),
  );
}

/** What deleting these claims would remove, for an undo buffer. */
export function collectForUndo(db: ClaimTrailDb, ids: readonly string[]): Promise<DeletedClaims> {
  return claimsWithHistory(db, ids);
}

/** Deletes claims with their history; returns what was removed so the caller can offer undo. */
export function deleteClaims(db: ClaimTrailDb, ids: readonly string[]): Promise<DeletedClaims> {
  return guarded(() =>
    db.transaction('rw', db.claimGroups, async () => {
      const wanted = new Set(ids);
      const groups = await groupsHolding(db, wanted);
      await Promise.all(
        groups.map((g) =>
          saveGroup(db, g.pageUrl, g.claims.filter((c) => !wanted.has(c.id)), g.reviews.filter((r) => !wanted.has(r.claimId))),
        ),
      );
      return deletedAmong(groups, ids);
    }),
  );
}

/** Writes what `edits` changed, in the caller's transaction. */
export async function writeGroupEdits(db: ClaimTrailDb, edits: ClaimGroupEdits): Promise<void> {
  const { put, emptied } = edits.changes();
  await db.claimGroups.bulkPut(put);
  await db.claimGroups.bulkDelete(emptied);
}

/**
 * Puts deleted claims (and their history, when given) back exactly as they were: each on its own
 * page, in place of any record with its id, with the history already stored for it and the given
 * entries not already there. History of a claim not restored here has no page to go to and is not stored.
 */
export function restoreClaims(db: ClaimTrailDb, claims: ClaimRecord[], reviews: ReviewRecord[] = []): Promise<number> {
  return guarded(() =>
    db.transaction('rw', db.claimGroups, async () => {
      const ids = new Set(claims.map((c) => c.id));
      const [holding, targets] = await Promise.all([groupsHolding(db, ids), db.claimGroups.bulkGet([...new Set(claims.map((c) => c.pageUrl))])]);
      const edits = new ClaimGroupEdits([...holding, ...targets]);
      const known = new Set(holding.flatMap((g) => g.reviews.filter((r) => ids.has(r.claimId)).map(reviewKey)));
      for (const c of claims) edits.putClaim({ ...c, site: c.site ?? siteOf(c.pageUrl) });
      for (const r of reviews) {
        const key = reviewKey(r);
        if (!ids.has(r.claimId) || known.has(key)) continue;
        known.add(key);
        edits.addReview(r);
      }
      await writeGroupEdits(db, edits);
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
    db.transaction('rw', db.claimGroups, async () => {
      const group = await db.claimGroups.get(report.pageUrl);
      if (!group) return [];
      const anchors = new Map(report.anchors.map((a) => [a.claimId, a]));
      return editClaims(db, [group], [...anchors.keys()], (c) => {
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
  return guarded(async () => (await db.claimGroups.get(pageUrl))?.claims ?? []);
}

/** Every stored claim, page by page (the library's list). */
export function allClaims(db: ClaimTrailDb): Promise<ClaimRecord[]> {
  return guarded(async () => (await db.claimGroups.toArray()).flatMap((g) => g.claims));
}

/** A claim's review history, oldest first. */
export function reviewHistory(db: ClaimTrailDb, claimId: string): Promise<ReviewRecord[]> {
  return guarded(async () => {
    const group = await db.claimGroups.where('claimIds').equals(claimId).first();
    return (group?.reviews ?? []).filter((r) => r.claimId === claimId).sort((a, b) => a.at - b.at);
  });
}
