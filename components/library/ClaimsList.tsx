import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ClaimRecord, ReviewStatus } from '../../utils/db/types';
import { ClaimRow } from './ClaimRow';
import { plural } from './format';
import type { Row } from './library-index';
import type { LibraryServices } from './services';
import { useWindowVirtualizer } from './useWindowVirtualizer';

interface Props {
  rows: Row[];
  /** Claims among the rows (the rest are group headers). */
  claimCount: number;
  services: LibraryServices;
  selection: ReadonlySet<string>;
  expanded: ReadonlySet<string>;
  onSelect: (id: string, selected: boolean) => void;
  onExpand: (id: string, expanded: boolean) => void;
  onStatus: (id: string, status: ReviewStatus) => void;
  onNoteSave: (claim: ClaimRecord, note: string) => Promise<unknown>;
}

const ROW_ESTIMATE = 230;
const GROUP_ESTIMATE = 48;

/**
 * Only the rows near the viewport are in the DOM (measured as they render, since claims differ in
 * length), so 100,000 claims scroll like 100. Each row says where it is in the whole list.
 */
export function ClaimsList({ rows, claimCount, services, selection, expanded, onSelect, onExpand, onStatus, onNoteSave }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const top = listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0;
    if (Math.abs(top - margin) > 1) setMargin(top);
  });
  // The virtualizer re-measures all rows whenever these functions change, so they change only with the rows, not on every scroll.
  const estimateSize = useCallback((i: number) => (rows[i]?.type === 'group' ? GROUP_ESTIMATE : ROW_ESTIMATE), [rows]);
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? String(i), [rows]);
  const virtualizer = useWindowVirtualizer({ count: rows.length, estimateSize, getItemKey, scrollMargin: margin });
  const items = virtualizer.getVirtualItems();
  return (
    <ul ref={listRef} class="lib-list" aria-label={`Claims (${plural(claimCount, 'claim')})`} style={{ height: `${virtualizer.getTotalSize()}px` }}>
      {items.map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            class={row.type === 'group' ? 'lib-list__item lib-list__item--group' : 'lib-list__item'}
            aria-setsize={rows.length}
            aria-posinset={item.index + 1}
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            {row.type === 'group' ? (
              <h2 class="lib-group">
                {row.label} <span class="lib-group__count">{plural(row.count, 'claim')}</span>
              </h2>
            ) : (
              <ClaimRow
                entry={row.entry}
                services={services}
                selected={selection.has(row.key)}
                expanded={expanded.has(row.key)}
                onSelect={(on) => onSelect(row.key, on)}
                onExpand={(on) => onExpand(row.key, on)}
                onStatus={(status) => onStatus(row.key, status)}
                onNoteSave={(note) => onNoteSave(row.entry.claim, note)}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
