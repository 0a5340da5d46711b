import { useId } from 'preact/hooks';
import type { ReviewStatus } from '../../utils/db/types';
import { textFragmentUrl } from '../../utils/export/text-fragment';
import { displayClaimText } from '../../utils/popup/claim-text';
import { NoteField } from '../NoteField';
import { SpeakerLabel } from '../SpeakerLabel';
import { StatusControls } from '../StatusControls';
import { formatDate } from './format';
import type { LibraryEntry } from './library-index';
import { ReviewHistory } from './ReviewHistory';
import type { LibraryServices } from './services';

interface Props {
  entry: LibraryEntry;
  services: LibraryServices;
  selected: boolean;
  expanded: boolean;
  onSelect: (selected: boolean) => void;
  onExpand: (expanded: boolean) => void;
  onStatus: (status: ReviewStatus) => void;
  onNoteSave: (note: string) => Promise<unknown>;
}

export function ClaimRow({ entry, services, selected, expanded, onSelect, onExpand, onStatus, onNoteSave }: Props) {
  const id = useId();
  const { claim, page } = entry;
  const text = displayClaimText(claim.kind, claim.text);
  return (
    <article class={`ct-claim ct-claim--${claim.status} lib-row`} aria-labelledby={`${id}-speaker ${id}-text`}>
      <input
        type="checkbox"
        class="lib-row__select"
        checked={selected}
        aria-label={`Select: ${entry.speaker} — ${text.slice(0, 80)}`}
        onChange={(event) => onSelect(event.currentTarget.checked)}
      />
      <div class="lib-row__body">
        <SpeakerLabel speaker={claim.speaker} id={`${id}-speaker`} />
        <p class={`ct-claim__text ct-claim__text--${claim.kind}`} id={`${id}-text`}>{text}</p>
        <p class="ct-claim__meta lib-row__meta">
          <a href={textFragmentUrl(claim.pageUrl, claim.selectors.quote.exact)} target="_blank" rel="noopener noreferrer">
            {page?.title || claim.pageUrl}
          </a>
          {' · '}
          {entry.site}
          {' · '}
          {claim.reviewedAt === undefined ? `tracked ${formatDate(claim.createdAt)}` : `reviewed ${formatDate(claim.reviewedAt)}`}
          {claim.anchor === 'changed' ? ' · text changed since reviewed' : claim.anchor === 'orphaned' ? ' · no longer found on the page' : ''}
        </p>
        <div class="lib-row__review">
          <StatusControls status={claim.status} onChange={onStatus} />
          <NoteField value={claim.note} onInput={() => {}} onSave={onNoteSave} />
        </div>
        <details class="lib-row__history" open={expanded} onToggle={(event) => onExpand(event.currentTarget.open)}>
          <summary>Review history</summary>
          {expanded ? <ReviewHistory db={services.db} claimId={claim.id} /> : null}
        </details>
      </div>
    </article>
  );
}
