import type { ClaimRecord } from '../db/types';
import type { PageClaim } from '../messaging/protocol';

/**
 * Lays the database's current review state over the claims as the page reported them, so a
 * verdict set anywhere (card, other tab, library) shows in the popup without asking the page again.
 * Claims dismissed as "Not a claim" drop out.
 */
export function applyStoredState(claims: readonly PageClaim[], stored: readonly ClaimRecord[]): PageClaim[] {
  if (stored.length === 0) return [...claims];
  const byId = new Map(stored.map((record) => [record.id, record]));
  const merged: PageClaim[] = [];
  for (const claim of claims) {
    const record = byId.get(claim.claimId);
    if (!record) {
      merged.push(claim);
      continue;
    }
    if (record.dismissed) continue;
    // The same object when nothing changed, so the popup's memoized claim items skip it.
    merged.push(record.status === claim.status && record.note === claim.note ? claim : { ...claim, status: record.status, note: record.note });
  }
  return merged;
}

/** Orphans as the page reported them, with live review state, minus any the page has found again. */
export function applyStoredOrphans(
  orphans: readonly ClaimRecord[],
  stored: readonly ClaimRecord[],
  onPage: readonly PageClaim[],
): ClaimRecord[] {
  const byId = new Map(stored.map((record) => [record.id, record]));
  const present = new Set(onPage.map((claim) => claim.claimId));
  return orphans
    .filter((orphan) => !present.has(orphan.id))
    .map((orphan) => byId.get(orphan.id) ?? orphan)
    .filter((orphan) => !orphan.dismissed);
}
