import type { Ref } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { debounce } from '../../utils/popup/debounce';
import type { Grouping, LibraryFilter, SortOrder, StatusFilter } from './library-index';

interface Props {
  filter: LibraryFilter;
  grouping: Grouping;
  sort: SortOrder;
  speakers: { value: string; count: number }[];
  sites: { value: string; count: number }[];
  searchRef: Ref<HTMLInputElement>;
  onFilter: (filter: LibraryFilter) => void;
  onGrouping: (grouping: Grouping) => void;
  onSort: (sort: SortOrder) => void;
}

/** Search (debounced: one index pass per pause, not per key), filters, grouping and sort order. */
export function LibraryFilters({ filter, grouping, sort, speakers, sites, searchRef, onFilter, onGrouping, onSort }: Props) {
  const [query, setQuery] = useState(filter.query);
  const latest = useRef({ filter, onFilter });
  latest.current = { filter, onFilter };
  const search = useMemo(() => debounce((q: string) => latest.current.onFilter({ ...latest.current.filter, query: q }), 120), []);
  useEffect(() => () => search.cancel(), [search]);
  useEffect(() => {
    if (filter.query !== query) setQuery(filter.query);
  }, [filter.query]);
  const set = <K extends keyof LibraryFilter>(key: K, value: LibraryFilter[K]) => onFilter({ ...filter, query, [key]: value });

  return (
    <form class="lib-filters" role="search" aria-label="Search and filter claims" onSubmit={(e) => { e.preventDefault(); search.flush(); }}>
      <label class="lib-field lib-field--search">
        <span>Search</span>
        <input
          ref={searchRef}
          type="search"
          value={query}
          placeholder="Claim, speaker, note, site or page title"
          onInput={(e) => {
            const q = e.currentTarget.value;
            setQuery(q);
            search.schedule(q);
          }}
        />
      </label>
      <label class="lib-field">
        <span>Status</span>
        <select value={filter.status} onChange={(e) => set('status', e.currentTarget.value as StatusFilter)}>
          <option value="all">All</option>
          <option value="unreviewed">To review</option>
          <option value="verified">Verified</option>
          <option value="disputed">Disputed</option>
        </select>
      </label>
      <label class="lib-field">
        <span>Speaker</span>
        <select value={filter.speaker ?? ''} onChange={(e) => set('speaker', e.currentTarget.value || null)}>
          <option value="">All speakers</option>
          {speakers.map((s) => <option key={s.value} value={s.value}>{s.value} ({s.count})</option>)}
        </select>
      </label>
      <label class="lib-field">
        <span>Site</span>
        <select value={filter.site ?? ''} onChange={(e) => set('site', e.currentTarget.value || null)}>
          <option value="">All sites</option>
          {sites.map((s) => <option key={s.value} value={s.value}>{s.value} ({s.count})</option>)}
        </select>
      </label>
      <label class="lib-field">
        <span>From</span>
        <input type="date" value={filter.from} onChange={(e) => set('from', e.currentTarget.value)} />
      </label>
      <label class="lib-field">
        <span>To</span>
        <input type="date" value={filter.to} onChange={(e) => set('to', e.currentTarget.value)} />
      </label>
      <label class="lib-field">
        <span>Group by</span>
        <select value={grouping} onChange={(e) => onGrouping(e.currentTarget.value as Grouping)}>
          <option value="none">Nothing</option>
          <option value="speaker">Speaker</option>
          <option value="page">Page</option>
        </select>
      </label>
      <label class="lib-field">
        <span>Sort</span>
        <select value={sort} onChange={(e) => onSort(e.currentTarget.value as SortOrder)}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="speaker">Speaker A–Z</option>
        </select>
      </label>
    </form>
  );
}
