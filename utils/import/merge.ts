import { reviewKey } from '../db/claim-group';
import type { ClaimRecord, PageRecord, ReviewRecord } from '../db/types';
import type { LibrarySnapshot } from '../export/library';
import { siteOf } from '../url/normalize';

/** What the database already holds for the records a file mentions. */
export interface ExistingRecords {
  claims: Map<string, ClaimRecord>;
  pages: Map<string, PageRecord>;
  /** reviewKey() of the history already stored for the file's claims. */
  reviewKeys: Set<string>;
}

export interface ImportPreview {
  claims: number;
  pages: number;
  newClaims: number;
  existingClaims: number;
  /** Already here with another status than the file's. */
  differentVerdict: number;
  /** Already here, and the file's review is newer, so it replaces ours. */
  replacedByFile: number;
  newPages: number;
  newReviews: number;
}

export interface ImportPlan {
  preview: ImportPreview;
  pages: PageRecord[];
  claims: ClaimRecord[];
  /** Imported history not already stored, as in the file. */
  reviews: ReviewRecord[];
}

export const MERGE_RULE = 'When a claim is already in your library, the more recent review wins; the review history from both is kept.';

function mergePage(ours: PageRecord, theirs: PageRecord): PageRecord | null {
  const merged: PageRecord = {
    ...theirs,
    ...ours,
    title: ours.title || theirs.title,
    firstSeen: Math.min(ours.firstSeen, theirs.firstSeen),
    lastSeen: Math.max(ours.lastSeen, theirs.lastSeen),
  };
  const same = (Object.keys(merged) as (keyof PageRecord)[]).every((k) => merged[k] === ours[k]);
  return same ? null : merged;
}

/** The file wins only with a strictly newer review: re-importing your own older backup changes nothing. */
function fileIsNewer(ours: ClaimRecord, theirs: ClaimRecord): boolean {
  return (theirs.reviewedAt ?? -1) > (ours.reviewedAt ?? -1);
}

/** Decides every write of an import, and counts them for the preview. Pure: no database. */
export function planMerge(incoming: LibrarySnapshot, existing: ExistingRecords): ImportPlan {
  const pages: PageRecord[] = [];
  let newPages = 0;
  for (const page of incoming.pages) {
    const ours = existing.pages.get(page.url);
    if (!ours) {
      newPages++;
      pages.push(page);
      continue;
    }
    const merged = mergePage(ours, page);
    if (merged) pages.push(merged);
  }

  const claims: ClaimRecord[] = [];
  let newClaims = 0;
  let differentVerdict = 0;
  let replacedByFile = 0;
  // Claims share pages (ten to a page, typically): each page URL is parsed for its site once.
  const sites = new Map<string, string>();
  for (const claim of incoming.claims) {
    let site = sites.get(claim.pageUrl);
    if (site === undefined) sites.set(claim.pageUrl, (site = siteOf(claim.pageUrl)));
    const theirs: ClaimRecord = claim.site === site ? claim : { ...claim, site };
    const ours = existing.claims.get(claim.id);
    if (!ours) {
      newClaims++;
      claims.push(theirs);
      continue;
    }
    if (ours.status !== theirs.status) differentVerdict++;
    if (fileIsNewer(ours, theirs)) {
      replacedByFile++;
      claims.push({ ...theirs, createdAt: Math.min(ours.createdAt, theirs.createdAt) });
    }
  }

  const reviews: ReviewRecord[] = [];
  const seen = new Set(existing.reviewKeys);
  for (const review of incoming.reviews) {
    const key = reviewKey(review);
    if (seen.has(key)) continue;
    seen.add(key);
    reviews.push(review);
  }

  return {
    preview: {
      claims: incoming.claims.length,
      pages: incoming.pages.length,
      newClaims,
      existingClaims: incoming.claims.length - newClaims,
      differentVerdict,
      replacedByFile,
      newPages,
      newReviews: reviews.length,
    },
    pages,
    claims,
    reviews,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "120 claims on 14 pages: 100 new, 20 already here — 5 with a different verdict" */
export function describePreview(preview: ImportPreview): string {
  let sentence = `${plural(preview.claims, 'claim')} on ${plural(preview.pages, 'page')}: ${preview.newClaims.toLocaleString('en')} new, ${preview.existingClaims.toLocaleString('en')} already here`;
  if (preview.existingClaims > 0) sentence += ` — ${preview.differentVerdict.toLocaleString('en')} with a different verdict`;
  return sentence;
}
