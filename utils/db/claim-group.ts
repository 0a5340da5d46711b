/**
 * A page's claims and their review history, the unit every write works on (stored in records of
 * one or more pages since schema v5: see claim-chunks.ts). The lookups across pages go through
 * utils/db/directory.
 */
import type { GroupWrite } from './claim-store';
import type { ClaimRecord, ReviewRecord } from './types';

/** For filtering the pages a store read: undefined where a page has no claims. */
export function isGroup(group: ClaimGroup | undefined): group is ClaimGroup {
  return group !== undefined;
}

export interface ClaimGroup {
  /** The page's normalized URL, the key (every claim's pageUrl). */
  pageUrl: string;
  claims: ClaimRecord[];
  /** The history of these claims, in the order it was written. */
  reviews: ReviewRecord[];
}

/** History entries are the same when they record the same change to the same claim at the same moment. */
export function reviewKey(review: ReviewRecord): string {
  return JSON.stringify([review.claimId, review.at, review.from.status, review.from.note, review.to.status, review.to.note]);
}

/** A claim another page can cite as "You marked this verified on <site>" (the directory files its fingerprint). */
export function hasVerdict(claim: ClaimRecord): boolean {
  return claim.status !== 'unreviewed' && !claim.dismissed;
}

/**
 * Files claims under their pages and each history entry with its claim, keeping the given order.
 * History of a claim not among `claims` has no page to go to and is left out: the caller decides
 * what that means (nothing stores history without its claim).
 */
export function groupByPage(claims: readonly ClaimRecord[], reviews: readonly ReviewRecord[]): ClaimGroup[] {
  const byPage = new Map<string, { claims: ClaimRecord[]; reviews: ReviewRecord[] }>();
  const pageOf = new Map<string, string>();
  for (const claim of claims) {
    let entry = byPage.get(claim.pageUrl);
    if (!entry) byPage.set(claim.pageUrl, (entry = { claims: [], reviews: [] }));
    entry.claims.push(claim);
    pageOf.set(claim.id, claim.pageUrl);
  }
  for (const review of reviews) {
    const pageUrl = pageOf.get(review.claimId);
    if (pageUrl !== undefined) byPage.get(pageUrl)!.reviews.push(review);
  }
  return [...byPage].map(([pageUrl, entry]) => ({ pageUrl, ...entry }));
}

/**
 * Working copies of stored groups for a write that moves claims between pages or touches many pages
 * (restore, import): claims are put by id wherever they were, and only the pages changed are written.
 */
export class ClaimGroupEdits {
  readonly #pages = new Map<string, { claims: Map<string, ClaimRecord>; reviews: ReviewRecord[] }>();
  /** The page each claim id is on. */
  readonly #home = new Map<string, string>();
  readonly #dirty = new Set<string>();

  constructor(stored: Iterable<ClaimGroup | undefined>) {
    for (const group of stored) {
      if (!group || this.#pages.has(group.pageUrl)) continue;
      this.#pages.set(group.pageUrl, { claims: new Map(group.claims.map((c) => [c.id, c])), reviews: [...group.reviews] });
      for (const c of group.claims) this.#home.set(c.id, group.pageUrl);
    }
  }

  #page(pageUrl: string): { claims: Map<string, ClaimRecord>; reviews: ReviewRecord[] } {
    let page = this.#pages.get(pageUrl);
    if (!page) this.#pages.set(pageUrl, (page = { claims: new Map(), reviews: [] }));
    this.#dirty.add(pageUrl);
    return page;
  }

  /** Stores `claim` on its page in place of any record with its id; the history of a claim that changes page goes with it. */
  putClaim(claim: ClaimRecord): void {
    const home = this.#home.get(claim.id);
    const page = this.#page(claim.pageUrl);
    if (home !== undefined && home !== claim.pageUrl) {
      const old = this.#page(home);
      old.claims.delete(claim.id);
      page.reviews.push(...old.reviews.filter((r) => r.claimId === claim.id));
      old.reviews = old.reviews.filter((r) => r.claimId !== claim.id);
    }
    page.claims.set(claim.id, claim);
    this.#home.set(claim.id, claim.pageUrl);
  }

  /** Appends a history entry to its claim's page; a review of a claim not stored is dropped. */
  addReview(review: ReviewRecord): void {
    const home = this.#home.get(review.claimId);
    if (home !== undefined) this.#page(home).reviews.push(review);
  }

  /** Each page changed, as it is now (undefined when left without claims). */
  changes(): GroupWrite[] {
    return [...this.#dirty].map((pageUrl) => {
      const page = this.#pages.get(pageUrl);
      return { pageUrl, after: page && page.claims.size > 0 ? { pageUrl, claims: [...page.claims.values()], reviews: page.reviews } : undefined };
    });
  }
}
