import type { AnchorState, ClaimSelectors } from '../anchoring/types';
import type { ClaimKind, SpeakerType } from '../claims/types';

export type ReviewStatus = 'unreviewed' | 'verified' | 'disputed';

export interface PageRecord {
  /** Normalized URL (see utils/url), the key. */
  url: string;
  canonicalUrl?: string;
  title: string;
  /** Host name without "www.". */
  site: string;
  author?: string;
  /** ISO date string as the page states it. */
  published?: string;
  firstSeen: number;
  lastSeen: number;
}

export interface StoredSpeaker {
  name: string;
  role?: string;
  /** The text of the mention the detector attributed the claim to ("he", "Allawi"). */
  mention?: string;
  type: SpeakerType;
}

export interface ClaimRecord {
  /** Stable across visits: derived from the page URL and the detector's claim id (or a hash for manual claims). */
  id: string;
  pageUrl: string;
  /**
   * The page's site (host without "www."), denormalized for the library's site filter. Set on every
   * write since schema v2 (which backfilled it); optional only so older export files still type-check.
   */
  site?: string;
  speaker: StoredSpeaker | null;
  /** Text of the cue ("said", "according to"); empty for a manual claim. */
  cue: string;
  kind: ClaimKind;
  /** The claim's content text as shown to the user (fragments joined with " … "). */
  text: string;
  selectors: ClaimSelectors;
  status: ReviewStatus;
  note: string;
  /** Normalized speaker + content, to recognise the same claim on other pages. */
  fingerprint: string;
  createdAt: number;
  updatedAt: number;
  reviewedAt?: number;
  anchor: AnchorState;
  /** When anchor is 'changed': the text now on the page where the claim was proposed to be. */
  currentText?: string;
  manual: boolean;
  /** The user said "Not a claim": never shown again on this page. */
  dismissed: boolean;
}

export interface ReviewState {
  status: ReviewStatus;
  note: string;
}

/** Append-only history of status and note changes. */
export interface ReviewRecord {
  id?: number;
  claimId: string;
  at: number;
  from: ReviewState;
  to: ReviewState;
}
