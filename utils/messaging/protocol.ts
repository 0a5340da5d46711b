/**
 * Typed message maps, one per direction. Each entry maps a message type to
 * [request payload, response payload]. Every message crossing a context boundary is
 * validated on arrival (see utils/messaging/schemas.ts); these types are the contract.
 */
import type { AnchorResult } from '../anchoring';
import type { AnchorState, ClaimSelectors } from '../anchoring/types';
import type { ClaimKind } from '../claims/types';
import type { ClaimRecord, PageRecord, ReviewRecord, ReviewStatus, StoredSpeaker } from '../db/types';

/** What the content script knows about the page it runs on. */
export interface PageInfo {
  /** location.href as the browser has it; the background normalizes it. */
  href: string;
  /** <link rel=canonical> href, if present (on AMP pages it names the non-AMP page). */
  canonical?: string;
  title: string;
  author?: string;
  published?: string;
}

/** A claim as the content script detected (or the user selected) it on the page. */
export interface ClaimSnapshot {
  /** Detector id (stable for the same article text), or a hash for manual claims. */
  detectorId: string;
  kind: ClaimKind;
  speaker: StoredSpeaker | null;
  cue: string;
  text: string;
  selectors: ClaimSelectors;
  confidence: number;
  manual: boolean;
}

/** Another page where the user already reviewed the same claim (same fingerprint). */
export interface EarlierVerdict {
  claimId: string;
  site: string;
  pageUrl: string;
  pageTitle: string;
  status: Exclude<ReviewStatus, 'unreviewed'>;
  reviewedAt: number;
}

export interface PageState {
  /** Normalized page URL the background filed the page under. */
  pageUrl: string;
  /** Stored claims of this page (reviewed, noted, manual, dismissed, or all when "remember every claim" is on). */
  stored: ClaimRecord[];
  /** Keyed by detectorId of the snapshots sent. */
  earlier: Record<string, EarlierVerdict>;
}

/** The answer to 'page:open'. */
export interface PageOpened extends PageState {
  /** False when the reader switched highlights off for this site or everywhere: nothing was recorded, and nothing may show. */
  allowed: boolean;
}

export interface ReviewUpdate {
  pageUrl: string;
  /**
   * The stored claim this updates (ClaimRecord.id), when the claim shown comes from a stored record:
   * a record re-anchored on a later visit may be shown under another detector id. When absent, the
   * id is derived from pageUrl + claim.detectorId (utils/db claimId).
   */
  claimId?: string;
  claim: ClaimSnapshot;
  status?: ReviewStatus;
  note?: string;
}

/** "Not a claim". `claimId` as in ReviewUpdate. */
export interface ClaimDismissal {
  pageUrl: string;
  claimId?: string;
  claim: ClaimSnapshot;
}

export interface AnchorReport {
  pageUrl: string;
  anchors: { claimId: string; anchor: AnchorState; currentText?: string }[];
}

/** The answer to 'page:state': what a page needs before its first paint. */
export type PageStart = Omit<PageOpened, 'earlier'>;

/** content script → background (sender must be a tab of this extension's content script). */
export interface ContentToBackground {
  /**
   * What is stored for the page and whether it may show anything: only read, nothing recorded, so a
   * page asks as soon as it looks like an article and paints its first claims with their verdicts.
   */
  'page:state': [{ page: PageInfo }, PageStart];
  /** Records the visit and what was detected ('claims'); answers with the stored state and earlier verdicts. */
  'page:open': [{ page: PageInfo; claims: ClaimSnapshot[] }, PageOpened];
  'claim:review': [ReviewUpdate, ClaimRecord];
  'claim:dismiss': [ClaimDismissal, ClaimRecord];
  'page:anchors': [AnchorReport, null];
  /** Number of claims still to review, for the toolbar badge. */
  'page:badge': [{ toReview: number }, null];
  /**
   * Finds claims in the article text by their selectors (utils/anchoring: exact, or a fuzzy proposal
   * shown as "text changed"). Pure computation: the approximate matcher stays out of the content
   * script every page loads, which asks only for stored claims it cannot place itself.
   */
  'text:anchor': [{ text: string; selectors: ClaimSelectors[] }, AnchorResult[]];
}

/** extension pages (popup, library) → background (sender URL must be inside this extension). */
export interface ExtensionPageToBackground {
  'claim:review': [ReviewUpdate, ClaimRecord];
  'claim:dismiss': [ClaimDismissal, ClaimRecord];
  'claims:set-status': [{ claimIds: string[]; status: ReviewStatus }, number];
  'claims:delete': [{ claimIds: string[] }, number];
  /** Undo of a delete: `reviews` (optional) restores the history too (read it first with utils/db claimsWithHistory). */
  'claims:restore': [{ claims: ClaimRecord[]; reviews?: ReviewRecord[] }, number];
}

/** What the content script shows for one claim: detection plus stored review state. */
export interface PageClaim {
  claimId: string;
  snapshot: ClaimSnapshot;
  status: ReviewStatus;
  note: string;
  anchor: AnchorState;
  currentText?: string;
  earlier?: EarlierVerdict;
}

export type PageKind = 'article' | 'not-article' | 'disabled';

/** background or popup → content script (tabs.sendMessage). */
export interface ToContent {
  /**
   * Stored state changed for claims of this page (from any tab, popup or library). `claims` is the
   * page's complete stored list after the change, so a deletion shows as an absent claim.
   */
  'claims:changed': [{ pageUrl: string; claims: ClaimRecord[] }, null];
  /** The popup asks for the claims as the page shows them, in reading order. */
  'page:get-claims': [null, { page: PageRecordLike; kind: PageKind; claims: PageClaim[]; orphans: ClaimRecord[] }];
  /** Scroll to a claim and flash its highlight. */
  'claim:show': [{ claimId: string }, boolean];
  /** Start tracking the current selection as a manual claim (context menu). */
  'selection:track': [{ speaker?: string }, PageClaim | null];
  'highlights:toggle': [null, boolean];
}

export type PageRecordLike = Pick<PageRecord, 'url' | 'title' | 'site'>;

export type Request<M, K extends keyof M> = M[K] extends [infer Req, unknown] ? Req : never;
export type Response<M, K extends keyof M> = M[K] extends [unknown, infer Res] ? Res : never;

/** Everything the background answers: the union of both directions (shared keys have one shape). */
export type ToBackground = ContentToBackground & ExtensionPageToBackground;
