import type { ReviewStatus } from '../utils/db/types';
import type { PageClaim } from '../utils/messaging/protocol';
import { NoteField } from './NoteField';
import { SpeakerLabel } from './SpeakerLabel';
import { StatusControls } from './StatusControls';

export interface ClaimCardProps {
  claim: PageClaim;
  /** Reviewed text and the text now on the page, when the claim changed since it was reviewed. */
  changed?: { reviewedText: string; reviewedStatus: ReviewStatus; currentText: string };
  onStatus: (status: ReviewStatus) => void;
  onNote: (note: string) => Promise<unknown>;
  onDismiss: () => void;
  onApplyEarlier: () => void;
  onClose: () => void;
  /** The last save failed: said plainly, with what the reader can do. */
  error: string | null;
  /** Where this claim is among the page's claims, with the keys that move to the others. */
  position?: { index: number; total: number; keys: Record<'next' | 'previous', { label: string }> };
}

const KIND_LABEL = { direct: 'direct quote', indirect: 'reported speech', mixed: 'partly quoted' } as const;

function formatDate(time: number): string {
  return new Date(time).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/**
 * The in-page review card for one claim. Everything from the page is rendered as text (Preact escapes
 * it). A claim whose text changed since it was reviewed shows both texts and starts unreviewed: the old
 * verdict is offered, never applied silently.
 */
export function ClaimCard({ claim, changed, onStatus, onNote, onDismiss, onApplyEarlier, onClose, error, position }: ClaimCardProps) {
  const { snapshot, earlier } = claim;
  const headingId = `ct-card-${claim.claimId}`;
  const status: ReviewStatus = changed ? 'unreviewed' : claim.status;
  const cue = snapshot.cue || (snapshot.manual ? 'tracked by you' : '');
  return (
    <section class="ct-card" role="dialog" aria-labelledby={headingId} tabIndex={-1}>
      <header class="ct-card__head">
        <SpeakerLabel speaker={snapshot.speaker} id={headingId} />
        <button type="button" class="ct-card__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="ct-card__meta">
        {cue ? <span class="ct-card__cue">{cue}</span> : null}
        {cue ? ' · ' : null}
        {KIND_LABEL[snapshot.kind]}
      </p>
      <blockquote class="ct-card__text">{changed ? changed.currentText : snapshot.text}</blockquote>
      {changed ? (
        <div class="ct-card__changed" role="note">
          <p class="ct-badge--changed">Text changed since reviewed</p>
          <p>
            You marked this <strong>{changed.reviewedStatus}</strong> when it read:
          </p>
          <blockquote class="ct-card__old">{changed.reviewedText}</blockquote>
          <p class="ct-card__hint">The verdict is not carried to the new text. Review it again.</p>
        </div>
      ) : null}
      {earlier && status === 'unreviewed' ? (
        <div class="ct-card__earlier">
          <p>
            Also seen on {earlier.site}: you marked it <strong>{earlier.status}</strong> on {formatDate(earlier.reviewedAt)}.
          </p>
          <button type="button" class="ct-card__apply" onClick={onApplyEarlier}>
            Apply same verdict
          </button>
        </div>
      ) : null}
      <StatusControls status={status} onChange={onStatus} />
      <NoteField key={claim.claimId} value={claim.note} onSave={onNote} />
      <footer class="ct-card__foot">
        {position ? (
          <p class="ct-card__nav">
            Claim {position.index + 1} of {position.total} · <kbd>{position.keys.next.label}</kbd> next, <kbd>{position.keys.previous.label}</kbd> previous
          </p>
        ) : null}
        <button type="button" class="ct-card__dismiss" onClick={onDismiss}>
          Not a claim
        </button>
      </footer>
      {error ? (
        <p class="ct-card__error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
