import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import type { ClaimCounts } from '../utils/popup/counts';
import type { ClaimFilter, SpeakerCount, StatusFilter } from '../utils/popup/filters';

interface Props {
  filter: ClaimFilter;
  counts: ClaimCounts;
  speakers: SpeakerCount[];
  onChange: (filter: ClaimFilter) => void;
  searchRef?: Ref<HTMLInputElement>;
}

/** Status filter, speaker filter (with counts) and a search box over the claims. */
export function Filters({ filter, counts, speakers, onChange, searchRef }: Props) {
  const id = useId();
  const statuses: { value: StatusFilter; label: string; count: number }[] = [
    { value: 'all', label: 'All', count: counts.total },
    { value: 'unreviewed', label: 'To review', count: counts.toReview },
    { value: 'verified', label: 'Verified', count: counts.verified },
    { value: 'disputed', label: 'Disputed', count: counts.disputed },
  ];
  return (
    <div class="ct-filters">
      <fieldset class="ct-filters__status">
        <legend class="ct-visually-hidden">Show claims</legend>
        {statuses.map(({ value, label, count }) => (
          <label key={value} class={`ct-chip ct-chip--${value}`}>
            <input
              type="radio"
              name={`${id}-status`}
              value={value}
              checked={filter.status === value}
              onChange={() => onChange({ ...filter, status: value })}
            />
            <span>
              {label} <span class="ct-chip__count">{count}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div class="ct-filters__row">
        <label class="ct-filters__speaker">
          <span class="ct-visually-hidden">Speaker</span>
          <select
            value={filter.speaker ?? ''}
            onChange={(event) => onChange({ ...filter, speaker: event.currentTarget.value || null })}
          >
            <option value="">All speakers ({counts.total})</option>
            {speakers.map(({ name, count }) => (
              <option key={name} value={name}>
                {name} ({count})
              </option>
            ))}
          </select>
        </label>
        <input
          ref={searchRef}
          class="ct-filters__search"
          type="search"
          aria-label="Search claims"
          placeholder="Search claims"
          value={filter.query}
          onInput={(event) => onChange({ ...filter, query: event.currentTarget.value })}
        />
      </div>
    </div>
  );
}
