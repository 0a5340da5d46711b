import type { ClaimRecord } from '../utils/db/types';
import { displayClaimText } from '../utils/popup/claim-text';
import { SpeakerLabel } from './SpeakerLabel';

const STATUS_TEXT = { unreviewed: 'Not reviewed', verified: 'Verified', disputed: 'Disputed' } as const;

/**
 * Claims reviewed on this page before that the page no longer contains. They are kept, never
 * re-attached to other text; the library is where they can be edited or deleted.
 */
export function OrphanList({ orphans }: { orphans: ClaimRecord[] }) {
  return (
    <section class="ct-orphans" aria-labelledby="ct-orphans-title">
      <h2 id="ct-orphans-title" class="ct-orphans__title">
        No longer found on this page ({orphans.length})
      </h2>
      <p class="ct-orphans__hint">You reviewed these here before; the article has changed or removed them.</p>
      <ul class="ct-orphans__list">
        {orphans.map((orphan) => (
          <li key={orphan.id} class={`ct-claim ct-claim--orphan ct-claim--${orphan.status}`}>
            <SpeakerLabel speaker={orphan.speaker} />
            <p class="ct-claim__text">{displayClaimText(orphan.kind, orphan.text)}</p>
            <p class={`ct-pill ct-pill--${orphan.status}`}>{STATUS_TEXT[orphan.status]}</p>
            {orphan.note ? <p class="ct-claim__note">Note: {orphan.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
