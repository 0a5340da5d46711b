import { useId } from 'preact/hooks';
import type { ReviewStatus } from '../utils/db/types';
import type { EarlierVerdict, PageClaim } from '../utils/messaging/protocol';
import { displayClaimText } from '../utils/popup/claim-text';
import { memo } from './memo';
import { NoteField } from './NoteField';
import { SpeakerLabel } from './SpeakerLabel';
import { StatusControls } from './StatusControls';

export interface ClaimActions {
  onStatus: (claim: PageClaim, status: ReviewStatus) => void;
  onNoteInput: (claim: PageClaim, note: string) => void;
  onNoteSave: (claim: PageClaim, note: string) => Promise<unknown>;
  onDismiss: (claim: PageClaim) => void;
  onShow: (claim: PageClaim) => void;
}

interface Props extends ClaimActions {
  claim: PageClaim;
  index: number;
  /** The one claim reachable with Tab (roving tabindex); arrows move between the others. */
  tabbable: boolean;
  /** The item's and its note field's elements, by claim id (null when they go). */
  onItemElement: (claimId: string, element: HTMLLIElement | null) => void;
  onNoteElement: (claimId: string, element: HTMLTextAreaElement | null) => void;
  /** Focus moved into the item. */
  onFocusWithin: (claimId: string) => void;
}

const KIND_TEXT = { direct: 'direct quote', indirect: 'reported speech', mixed: 'partly quoted' } as const;
const VERDICT_TEXT: Record<EarlierVerdict['status'], string> = { verified: 'verified', disputed: 'disputed' };

function formatDate(time: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(time);
}

/**
 * One claim of the popup list. Memoized: the list's callbacks are stable, so a verdict or a note
 * renders the claim it changed, not all of them (a page can have hundreds).
 */
export const ClaimItem = memo(function ClaimItem(props: Props) {
  const { claim, index, tabbable, onItemElement, onNoteElement, onFocusWithin } = props;
  const id = useId();
  const { snapshot, earlier } = claim;
  return (
    <li
      ref={(element) => onItemElement(claim.claimId, element)}
      class={`ct-claim ct-claim--${claim.status}`}
      tabIndex={tabbable ? 0 : -1}
      data-claim-index={index}
      aria-labelledby={`${id}-speaker ${id}-text`}
      onFocusCapture={() => onFocusWithin(claim.claimId)}
    >
      <SpeakerLabel speaker={snapshot.speaker} id={`${id}-speaker`} />
      <p class={`ct-claim__text ct-claim__text--${snapshot.kind}`} id={`${id}-text`}>
        {displayClaimText(snapshot.kind, snapshot.text)}
      </p>
      <p class="ct-claim__meta">
        {snapshot.manual ? 'added by you' : snapshot.cue ? <>cue “{snapshot.cue}”</> : 'continued quote'} ·{' '}
        {KIND_TEXT[snapshot.kind]}
      </p>
      {claim.anchor === 'changed' ? (
        <details class="ct-badge ct-badge--changed">
          <summary>Text changed since reviewed</summary>
          <dl class="ct-diff">
            <dt>When you reviewed it</dt>
            <dd>{snapshot.text}</dd>
            <dt>Now on the page</dt>
            <dd>{claim.currentText ?? '(not available)'}</dd>
          </dl>
        </details>
      ) : null}
      {earlier ? (
        <div class={`ct-badge ct-badge--earlier ct-badge--${earlier.status}`}>
          <p>
            Also seen on <strong>{earlier.site}</strong>: you marked it {VERDICT_TEXT[earlier.status]} on{' '}
            {formatDate(earlier.reviewedAt)}.
          </p>
          {claim.status !== earlier.status ? (
            <button type="button" class="ct-button ct-button--small" onClick={() => props.onStatus(claim, earlier.status)}>
              Apply same verdict ({VERDICT_TEXT[earlier.status]})
            </button>
          ) : null}
        </div>
      ) : null}
      <div class="ct-claim__actions">
        <StatusControls status={claim.status} onChange={(status) => props.onStatus(claim, status)} />
        <span class="ct-claim__more">
          <button type="button" class="ct-button ct-button--small" onClick={() => props.onShow(claim)}>
            Show in page
          </button>
          <button type="button" class="ct-button ct-button--small ct-button--quiet" onClick={() => props.onDismiss(claim)}>
            Not a claim
          </button>
        </span>
      </div>
      <NoteField
        value={claim.note}
        fieldRef={(element) => onNoteElement(claim.claimId, element)}
        onInput={(note) => props.onNoteInput(claim, note)}
        onSave={(note) => props.onNoteSave(claim, note)}
      />
    </li>
  );
});
