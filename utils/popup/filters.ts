import type { StoredSpeaker } from '../db/types';
import type { ReviewStatus } from '../db/types';

export type StatusFilter = 'all' | ReviewStatus;

export interface ClaimFilter {
  status: StatusFilter;
  /** A speaker name from speakerCounts(), or null for every speaker. */
  speaker: string | null;
  query: string;
}

export const NO_FILTER: ClaimFilter = { status: 'all', speaker: null, query: '' };

/** What filtering needs to know about a claim. */
export interface FilterableClaim {
  status: ReviewStatus;
  note: string;
  snapshot: { text: string; speaker: StoredSpeaker | null };
}

/** Label for claims the detector could not attribute to a named source. */
export const UNATTRIBUTED = 'Unattributed';

export function speakerName(speaker: StoredSpeaker | null): string {
  return speaker?.name.trim() || UNATTRIBUTED;
}

/**
 * Folds case, accents and typographic quote variants, so "cant" / "can't" / "can’t" and
 * "Allawi" / "allawi" find the same claims.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .toLowerCase();
}

export function matchesFilter(claim: FilterableClaim, filter: ClaimFilter): boolean {
  if (filter.status !== 'all' && claim.status !== filter.status) return false;
  if (filter.speaker !== null && speakerName(claim.snapshot.speaker) !== filter.speaker) return false;
  const words = foldForSearch(filter.query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(
    [claim.snapshot.text, claim.snapshot.speaker?.name ?? '', claim.snapshot.speaker?.role ?? '', claim.note].join('\n'),
  );
  return words.every((word) => haystack.includes(word));
}

export function filterClaims<T extends FilterableClaim>(claims: readonly T[], filter: ClaimFilter): T[] {
  return claims.filter((claim) => matchesFilter(claim, filter));
}

export interface SpeakerCount {
  name: string;
  count: number;
}

/** Speakers on the page, most claims first, then by name; unattributed claims last. */
export function speakerCounts(claims: readonly FilterableClaim[]): SpeakerCount[] {
  const counts = new Map<string, number>();
  for (const claim of claims) {
    const name = speakerName(claim.snapshot.speaker);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => {
      if ((a.name === UNATTRIBUTED) !== (b.name === UNATTRIBUTED)) return a.name === UNATTRIBUTED ? 1 : -1;
      return b.count - a.count || a.name.localeCompare(b.name);
    });
}
