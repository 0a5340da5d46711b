// Claims shaped like the seed article's, for popup and component tests.
import type { ClaimKind } from '../../utils/claims/types';
import type { ClaimRecord, ReviewStatus, StoredSpeaker } from '../../utils/db/types';
import type { ClaimSnapshot, PageClaim } from '../../utils/messaging/protocol';

export const ALLAWI: StoredSpeaker = { name: 'Ayad Allawi', role: 'Iraqi Vice President', mention: 'Allawi', type: 'person' };

export function snapshot(id: string, text: string, kind: ClaimKind = 'indirect', speaker: StoredSpeaker | null = ALLAWI, cue = 'said'): ClaimSnapshot {
  return {
    detectorId: id,
    kind,
    speaker,
    cue,
    text,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: text.length },
    },
    confidence: 0.9,
    manual: false,
  };
}

export function pageClaim(id: string, text: string, options: Partial<Omit<PageClaim, 'snapshot'>> & { kind?: ClaimKind; speaker?: StoredSpeaker | null; cue?: string } = {}): PageClaim {
  const { kind, speaker, cue, ...rest } = options;
  return {
    claimId: `page#${id}`,
    snapshot: snapshot(id, text, kind, speaker === undefined ? ALLAWI : speaker, cue),
    status: 'unreviewed',
    note: '',
    anchor: 'anchored',
    ...rest,
  };
}

export function record(claim: PageClaim, changes: Partial<ClaimRecord> = {}): ClaimRecord {
  return {
    id: claim.claimId,
    pageUrl: 'http://127.0.0.1/seed-article.html',
    speaker: claim.snapshot.speaker,
    cue: claim.snapshot.cue,
    kind: claim.snapshot.kind,
    text: claim.snapshot.text,
    selectors: claim.snapshot.selectors,
    status: claim.status,
    note: claim.note,
    fingerprint: `allawi|${claim.snapshot.text}`,
    createdAt: 1,
    updatedAt: 1,
    anchor: claim.anchor,
    manual: false,
    dismissed: false,
    ...changes,
  };
}

/** The seven claims of the seed article, in reading order. */
export function seedClaims(statuses: ReviewStatus[] = []): PageClaim[] {
  const rows: [string, ClaimKind, string][] = [
    ['The Islamic State and al-Qaida are exploring the possibility of forming an alliance', 'indirect', 'said'],
    ['The world’s two foremost jihadi terrorist groups have engaged in discussions regarding the possibility of joining forces', 'indirect', 'told'],
    ['The discussion has started now,', 'direct', 'said'],
    ['There are discussions and dialogue between messengers representing Baghdadi and representing Zawahiri.', 'direct', 'said'],
    ['ISIS will find a way to survive', 'indirect', 'believes'],
    ['I can’t see ISIS disappearing into thin air,', 'direct', 'said'],
    ['They will remain covertly in sleeping cells, spreading their venom all over the world.', 'direct', 'said'],
  ];
  return rows.map(([text, kind, cue], i) => pageClaim(`c${i + 1}`, text, { kind, cue, status: statuses[i] ?? 'unreviewed' }));
}
