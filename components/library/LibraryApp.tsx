import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { allClaims, claimsWithHistory, setNote } from '../../utils/db/operations';
import type { ReviewStatus } from '../../utils/db/types';
import { collectLibrary } from '../../utils/export/collect';
import { EXPORT_FORMATS, exportBlob, exportFileName, type ExportFormat } from '../../utils/export/formats';
import { applyImport, previewImport } from '../../utils/import/apply-import';
import { ImportError } from '../../utils/import/errors';
import { parseImportFile } from '../../utils/import/parse-import';
import { EmptyState } from '../EmptyState';
import { useLiveQuery } from '../useLiveQuery';
import { ClaimsList } from './ClaimsList';
import { formatCount, plural } from './format';
import { ImportDialog, type ImportState } from './ImportDialog';
import { LibraryFilters } from './LibraryFilters';
import {
  buildIndex, createSearch, EMPTY_FILTER, sortEntries, speakerSummaries, toRows, valueCounts,
  type Grouping, type HaystackCache, type LibraryFilter, type SortOrder,
} from './library-index';
import { batches, clearAllData } from './library-writes';
import { Modal } from './Modal';
import type { LibraryServices } from './services';
import { SettingsView } from './SettingsView';
import { SpeakersView } from './SpeakersView';
import { Toasts, type Toast } from './Toasts';

type View = 'claims' | 'speakers' | 'settings';
const VIEWS: { id: View; label: string }[] = [
  { id: 'claims', label: 'Claims' },
  { id: 'speakers', label: 'Speakers' },
  { id: 'settings', label: 'Settings' },
];

function initialView(): View {
  const hash = typeof location === 'undefined' ? '' : location.hash.slice(1);
  return hash === 'speakers' || hash === 'settings' ? hash : 'claims';
}

/** File-name words for what an export holds: the selection, the filter, or the whole library. */
function exportScope(filter: LibraryFilter, selected: boolean): string {
  if (selected) return 'selection';
  const parts = [filter.status === 'all' ? '' : filter.status, filter.speaker ?? '', filter.site ?? '', filter.query ? 'search' : ''].filter(Boolean);
  return parts.join(' ') || (filter.from || filter.to ? 'dates' : 'library');
}

export function LibraryApp({ services }: { services: LibraryServices }) {
  const { db } = services;
  const [view, setView] = useState<View>(initialView);
  const [filter, setFilter] = useState<LibraryFilter>(EMPTY_FILTER);
  const [grouping, setGrouping] = useState<Grouping>('none');
  const [sort, setSort] = useState<SortOrder>('newest');
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [importState, setImportState] = useState<ImportState | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [exportFormat, setExportFormat] = useState<ExportFormat>('csv');
  const [busy, setBusy] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const toastId = useRef(0);
  const cache = useRef<HaystackCache>(new Map());

  const data = useLiveQuery(() => Promise.all([allClaims(db), db.pages.toArray()]), [db]);
  const entries = useMemo(
    () => (data.state === 'ready' ? buildIndex(data.value[0], data.value[1], cache.current) : []),
    [data],
  );
  // Sorted once per data change or sort order; a keystroke then only filters, which keeps that order.
  const sorted = useMemo(() => sortEntries([...entries], sort), [entries, sort]);
  const search = useMemo(createSearch, []);
  const shown = useMemo(() => search(sorted, filter), [search, sorted, filter]);
  const rows = useMemo(() => toRows(shown, grouping), [shown, grouping]);
  const speakers = useMemo(() => valueCounts(entries, (e) => e.speaker), [entries]);
  const sites = useMemo(() => valueCounts(entries, (e) => e.site), [entries]);
  const summaries = useMemo(() => (view === 'speakers' ? speakerSummaries(entries) : []), [entries, view]);

  // A selection only ever holds claims that still exist.
  const selectedIds = useMemo(() => {
    if (selection.size === 0) return [];
    const present = new Set(entries.map((e) => e.claim.id));
    return [...selection].filter((id) => present.has(id));
  }, [selection, entries]);
  const targetCount = selectedIds.length > 0 ? selectedIds.length : shown.length;
  // Listed only when an action runs: a keystroke should not copy 100,000 ids.
  const targetIds = () => (selectedIds.length > 0 ? selectedIds : shown.map((e) => e.claim.id));
  const targetLabel = selectedIds.length > 0 ? plural(selectedIds.length, 'selected claim') : plural(shown.length, 'shown claim');

  const toast = useCallback((text: string, options: Omit<Toast, 'id' | 'text'> = {}) => {
    const id = ++toastId.current;
    setToasts((list) => [...list.slice(-2), { id, text, ...options }]);
    if (!options.action) setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), 8000);
  }, []);
  const fail = useCallback((error: unknown) => toast(error instanceof Error ? error.message : String(error), { tone: 'error' }), [toast]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !target?.closest('input, textarea, select, [contenteditable]')) {
        event.preventDefault();
        setView('claims');
        requestAnimationFrame(() => searchRef.current?.focus());
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const setStatus = async (ids: string[], status: ReviewStatus) => {
    try {
      let changed = 0;
      for (const batch of batches(ids)) changed += await services.send('claims:set-status', { claimIds: batch, status });
      return changed;
    } catch (error) {
      fail(error);
      return 0;
    }
  };

  const bulkStatus = async (status: ReviewStatus) => {
    setBusy(true);
    const changed = await setStatus(targetIds(), status);
    setBusy(false);
    toast(`${plural(changed, 'claim')} marked ${status === 'unreviewed' ? 'to review' : status}.`);
  };

  const bulkDelete = async () => {
    setBusy(true);
    try {
      // What is deleted is read first, so Undo can put back claims and their history exactly.
      const removed = await claimsWithHistory(db, targetIds());
      for (const batch of batches(removed.claims.map((c) => c.id))) await services.send('claims:delete', { claimIds: batch });
      setSelection(new Set());
      toast(`Deleted ${plural(removed.claims.length, 'claim')}.`, {
        action: {
          label: 'Undo',
          run: () => {
            void (async () => {
              for (const claims of batches(removed.claims)) {
                const ids = new Set(claims.map((c) => c.id));
                await services.send('claims:restore', { claims, reviews: removed.reviews.filter((r) => ids.has(r.claimId)) });
              }
              toast(`Restored ${plural(removed.claims.length, 'claim')}.`);
            })().catch(fail);
          },
        },
      });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const runExport = async () => {
    setBusy(true);
    try {
      const collected = await collectLibrary(db, filter === EMPTY_FILTER && selectedIds.length === 0 ? undefined : targetIds());
      // Only the lossless backup keeps "Not a claim" dismissals; the other formats list claims.
      const library = exportFormat === 'json' ? collected : { ...collected, claims: collected.claims.filter((c) => !c.dismissed) };
      const now = services.now();
      const name = exportFileName(exportFormat, exportScope(filter, selectedIds.length > 0), now);
      services.saveFile(exportBlob(exportFormat, library, { exportedAt: now }), name);
      toast(`Exported ${plural(library.claims.length, 'claim')} to ${name}.`);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const chooseImport = async (file: File) => {
    try {
      const parsed = await parseImportFile(file);
      const preview = await previewImport(db, parsed.library);
      setImportState({ step: 'preview', fileName: file.name, parsed, preview });
    } catch (error) {
      const problems = error instanceof ImportError ? error.problems : [];
      setImportState({ step: 'error', fileName: file.name, message: error instanceof Error ? error.message : String(error), problems });
    }
  };

  const confirmImport = async () => {
    if (importState?.step !== 'preview') return;
    try {
      const done = await applyImport(db, importState.parsed.library);
      setImportState(null);
      toast(`Imported ${importState.fileName}: ${plural(done.newClaims, 'new claim')}, ${plural(done.replacedByFile, 'claim')} updated, ${plural(done.newReviews, 'history entry', 'history entries')} added.`);
      await services.notifyPages([...new Set(importState.parsed.library.claims.map((c) => c.pageUrl))]);
    } catch (error) {
      setImportState(null);
      fail(error);
    }
  };

  const clearAll = async () => {
    try {
      const pageUrls = await clearAllData(db);
      setConfirmClear(false);
      setSelection(new Set());
      toast('All ClaimTrail data was deleted.');
      await services.notifyPages(pageUrls);
    } catch (error) {
      fail(error);
    }
  };

  const total = entries.length;
  const pageCount = useMemo(() => new Set(entries.map((e) => e.claim.pageUrl)).size, [entries]);

  return (
    <div class="lib">
      <header class="lib-header">
        <div class="lib-header__title">
          <h1>ClaimTrail library</h1>
          <p class="lib-header__summary">{data.state === 'ready' ? `${plural(total, 'claim')} on ${plural(pageCount, 'page')}` : ' '}</p>
        </div>
        <nav class="lib-tabs" aria-label="Library sections">
          {VIEWS.map((v) => (
            <button key={v.id} type="button" class="lib-tab" aria-current={view === v.id ? 'page' : undefined} onClick={() => { setView(v.id); history.replaceState(null, '', `#${v.id}`); }}>
              {v.label}
            </button>
          ))}
        </nav>
        <div class="lib-header__actions">
          <input
            ref={fileRef}
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            class="ct-visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void chooseImport(file);
            }}
          />
          <button type="button" class="ct-button" onClick={() => fileRef.current?.click()}>Import…</button>
        </div>
      </header>

      <main class="lib-main">
        {data.state === 'error' ? (
          <EmptyState title="The library could not be read" tone="error"><p>{data.error.message}</p></EmptyState>
        ) : view === 'claims' ? (
          <>
            <LibraryFilters
              filter={filter} grouping={grouping} sort={sort} speakers={speakers} sites={sites} searchRef={searchRef}
              onFilter={(f) => { setFilter(f); }} onGrouping={setGrouping} onSort={setSort}
            />
            <div class="lib-bulk" role="toolbar" aria-label="Actions on claims">
              <label class="lib-check">
                <input
                  type="checkbox"
                  checked={shown.length > 0 && selectedIds.length === shown.length}
                  onChange={(e) => setSelection(e.currentTarget.checked ? new Set(shown.map((s) => s.claim.id)) : new Set())}
                />
                Select all shown
              </label>
              <p class="lib-bulk__count" aria-live="polite">
                {data.state === 'loading' ? 'Loading…' : `${formatCount(shown.length)} of ${plural(total, 'claim')} shown${selectedIds.length ? ` · ${formatCount(selectedIds.length)} selected` : ''}`}
              </p>
              <div class="lib-bulk__actions">
                <span class="lib-bulk__target">{targetLabel}:</span>
                <button type="button" class="ct-button ct-button--small" disabled={busy || targetCount === 0} onClick={() => void bulkStatus('verified')}>Mark verified</button>
                <button type="button" class="ct-button ct-button--small" disabled={busy || targetCount === 0} onClick={() => void bulkStatus('disputed')}>Mark disputed</button>
                <button type="button" class="ct-button ct-button--small" disabled={busy || targetCount === 0} onClick={() => void bulkStatus('unreviewed')}>Clear verdict</button>
                <button type="button" class="ct-button ct-button--small lib-button--danger" disabled={busy || targetCount === 0} onClick={() => void bulkDelete()}>Delete</button>
                <span class="lib-export">
                  <label>
                    <span class="ct-visually-hidden">Export format</span>
                    <select value={exportFormat} onChange={(e) => setExportFormat(e.currentTarget.value as ExportFormat)}>
                      {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => <option key={f} value={f}>{EXPORT_FORMATS[f].label}</option>)}
                    </select>
                  </label>
                  <button type="button" class="ct-button ct-button--small" disabled={busy || targetCount === 0} onClick={() => void runExport()}>Export</button>
                </span>
              </div>
            </div>
            {data.state === 'ready' && total === 0 ? (
              <EmptyState title="No claims tracked yet">
                <p>Open a news article, mark a highlighted claim verified or disputed, and it is listed here. You can also import a ClaimTrail or Web Annotation file.</p>
              </EmptyState>
            ) : data.state === 'ready' && shown.length === 0 ? (
              <EmptyState title="No claims match">
                <p>Nothing matches this search and these filters.</p>
                <button type="button" class="ct-button" onClick={() => setFilter(EMPTY_FILTER)}>Clear search and filters</button>
              </EmptyState>
            ) : (
              <ClaimsList
                rows={rows}
                claimCount={shown.length}
                services={services}
                selection={selection}
                expanded={expanded}
                onSelect={(id, on) => setSelection((s) => { const next = new Set(s); if (on) next.add(id); else next.delete(id); return next; })}
                onExpand={(id, on) => setExpanded((s) => { const next = new Set(s); if (on) next.add(id); else next.delete(id); return next; })}
                onStatus={(id, status) => void setStatus([id], status)}
                onNoteSave={async (claim, note) => {
                  await setNote(db, claim.id, note);
                  await services.notifyPages([claim.pageUrl]);
                }}
              />
            )}
          </>
        ) : view === 'speakers' ? (
          <SpeakersView speakers={summaries} onShow={(name) => { setFilter({ ...EMPTY_FILTER, speaker: name }); setView('claims'); }} />
        ) : (
          <SettingsView services={services} claimCount={total} onClearAll={() => setConfirmClear(true)} />
        )}
      </main>

      {importState ? <ImportDialog state={importState} onConfirm={confirmImport} onClose={() => setImportState(null)} /> : null}
      {confirmClear ? (
        <Modal title="Clear all data?" onClose={() => setConfirmClear(false)}>
          <p>This deletes {plural(total, 'claim')}, their review history and {plural(data.state === 'ready' ? data.value[1].length : 0, 'page')} from this browser. It cannot be undone.</p>
          <div class="lib-dialog__actions">
            <button type="button" class="ct-button" onClick={() => setConfirmClear(false)} autoFocus>Cancel</button>
            <button type="button" class="ct-button lib-button--danger" onClick={() => void clearAll()}>Delete everything</button>
          </div>
        </Modal>
      ) : null}
      <Toasts toasts={toasts} onDismiss={(id) => setToasts((list) => list.filter((t) => t.id !== id))} />
    </div>
  );
}
