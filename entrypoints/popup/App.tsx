import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ClaimList } from '../../components/ClaimList';
import { EmptyState } from '../../components/EmptyState';
import { Filters } from '../../components/Filters';
import { OrphanList } from '../../components/OrphanList';
import { useSubscription } from '../../components/useSubscription';
import type { ClaimRecord, ReviewStatus } from '../../utils/db/types';
import type { PageClaim } from '../../utils/messaging/protocol';
import { countClaims, formatCounts } from '../../utils/popup/counts';
import { filterClaims, NO_FILTER, speakerCounts, type ClaimFilter } from '../../utils/popup/filters';
import { applyStoredOrphans, applyStoredState } from '../../utils/popup/merge';
import { flushDrafts } from '../../utils/popup/note-drafts';
import { pageRestriction, type PageRestriction } from '../../utils/popup/target';
import type { PageClaims, PageExportFormat, PopupServices } from './services';
import { CLAIM_KEYS } from '../../utils/page/claim-keys';

export type Load =
  | { state: 'loading' }
  | { state: 'no-tab' }
  | { state: 'restricted'; reason: PageRestriction }
  | { state: 'unreachable'; tabId: number; urlKnown: boolean }
  | { state: 'ready'; tabId: number; data: PageClaims };

interface Props {
  services: PopupServices;
  /** The first loadPopup(services), when the caller started it before rendering (main.tsx does). */
  firstLoad?: Promise<Load>;
  /** Called once the first real content (claims or an explanation) is on screen; used by the benchmark. */
  onPainted?: () => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Finds the popup's tab and asks its content script for the claims: what the popup should show. */
export async function loadPopup(services: PopupServices): Promise<Load> {
  const tab = await services.targetTab().catch(() => null);
  if (!tab) return { state: 'no-tab' };
  const restriction = pageRestriction(tab.url);
  if (restriction) return { state: 'restricted', reason: restriction };
  try {
    return { state: 'ready', tabId: tab.id, data: await services.getClaims(tab.id) };
  } catch {
    // Without the "tabs" permission Chromium hides every tab's URL, so an unknown URL may be a
    // browser page or a web page opened before ClaimTrail was installed: the text names both.
    return { state: 'unreachable', tabId: tab.id, urlKnown: Boolean(tab.url) };
  }
}

export function App({ services, firstLoad, onPainted }: Props) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [reloadCount, setReloadCount] = useState(0);

  // A layout effect, so the answer is awaited from the first render on, not from after the
  // "Loading…" frame has been painted (when a plain effect would start).
  useLayoutEffect(() => {
    let cancelled = false;
    const pending = reloadCount === 0 && firstLoad ? firstLoad : loadPopup(services);
    void pending.then((next) => {
      if (!cancelled) setLoad(next);
    });
    return () => {
      cancelled = true;
    };
  }, [services, reloadCount]);

  useEffect(() => {
    if (load.state !== 'loading') onPainted?.();
  }, [load.state, onPainted]);

  const refresh = useCallback(() => setReloadCount((n) => n + 1), []);

  switch (load.state) {
    case 'loading':
      return (
        <main class="popup popup--loading" aria-busy="true">
          <p class="popup__loading">Loading claims…</p>
        </main>
      );
    case 'no-tab':
      return (
        <main class="popup">
          <EmptyState title="No page to show">
            <p>ClaimTrail could not tell which tab to look at. Open a news article and click the ClaimTrail button again.</p>
          </EmptyState>
        </main>
      );
    case 'restricted':
      return (
        <main class="popup">
          <EmptyState title="ClaimTrail can’t run on this page">
            <p>
              {load.reason === 'web-store'
                ? 'Browsers keep extensions out of their add-on stores, so there is nothing to check here.'
                : 'Browser pages (settings, new tabs, other extensions, local files) are closed to extensions.'}{' '}
              Open a news article to see its claims.
            </p>
          </EmptyState>
          <PopupFooter services={services} />
        </main>
      );
    case 'unreachable':
      return (
        <main class="popup">
          <EmptyState title={load.urlKnown ? 'ClaimTrail isn’t running on this page yet' : 'ClaimTrail can’t reach this page'}>
            <p>
              {load.urlKnown
                ? 'The page was probably open before ClaimTrail was installed or updated. Reload it to look for claims.'
                : 'If it is a web page that was open before ClaimTrail was installed or updated, reload it. Browser pages (settings, new tabs, add-on stores) are closed to extensions.'}
            </p>
            <button
              type="button"
              class="ct-button"
              onClick={() => void services.reloadTab(load.tabId).then(refresh, refresh)}
            >
              Reload page
            </button>
          </EmptyState>
          <PopupFooter services={services} />
        </main>
      );
    case 'ready':
      return <PagePanel services={services} tabId={load.tabId} data={load.data} onRefresh={refresh} />;
  }
}

interface PanelProps {
  services: PopupServices;
  tabId: number;
  data: PageClaims;
  onRefresh: () => void;
}

function PagePanel({ services, tabId, data, onRefresh }: PanelProps) {
  const { page, kind } = data;
  const live = useSubscription<ClaimRecord[]>((observer) => services.watchStoredClaims(page.url, observer), [services, page.url]);
  // Answers to our own writes, so the list updates even before (or without) the live query.
  const [written, setWritten] = useState<ReadonlyMap<string, ClaimRecord>>(new Map());
  const [pendingStatus, setPendingStatus] = useState<ReadonlyMap<string, ReviewStatus>>(new Map());
  const [draftNotes, setDraftNotes] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [notice, setNotice] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  // The site switch, as the popup last wrote it: the list follows it at once, instead of waiting
  // for the page to hear of the change (on a busy machine that takes seconds).
  const [siteOn, setSiteOn] = useState<boolean | null>(null);
  const [turningOn, setTurningOn] = useState(false);

  useEffect(() => {
    let cancelled = false;
    services.siteHighlighting.get(page.site).then(
      (on) => !cancelled && setSiteOn(on),
      () => !cancelled && setSiteOn(null),
    );
    return () => {
      cancelled = true;
    };
  }, [services, page.site]);

  const toggleSite = useCallback(
    (on: boolean) => {
      setSiteOn(on);
      setTurningOn(on);
      services.siteHighlighting
        .set(page.site, on)
        .then(
          () => waitForPage(services, tabId, (next) => (next.kind === 'disabled') !== on).then(onRefresh),
          (reason: unknown) => {
            setSiteOn(!on);
            setTurningOn(false);
            setError(`The switch could not be saved. ${messageOf(reason)}`);
          },
        );
    },
    [services, page.site, tabId, onRefresh],
  );
  // Whatever the page reported after the switch is the answer: stop waiting for it.
  useEffect(() => setTurningOn(false), [data]);

  const stored = useMemo(() => {
    const byId = new Map((live.state === 'ready' ? live.value : []).map((record) => [record.id, record]));
    for (const record of written.values()) {
      const current = byId.get(record.id);
      if (!current || current.updatedAt <= record.updatedAt) byId.set(record.id, record);
    }
    return [...byId.values()];
  }, [live, written]);

  const claims = useMemo(
    () =>
      applyStoredState(data.claims, stored).map((claim) => {
        const status = pendingStatus.get(claim.claimId);
        const note = draftNotes.get(claim.claimId);
        return status === undefined && note === undefined
          ? claim
          : { ...claim, status: status ?? claim.status, note: note ?? claim.note };
      }),
    [data.claims, stored, pendingStatus, draftNotes],
  );
  const orphans = useMemo(() => applyStoredOrphans(data.orphans, stored, data.claims), [data.orphans, stored, data.claims]);
  const counts = useMemo(() => countClaims(claims), [claims]);
  const speakers = useMemo(() => speakerCounts(claims), [claims]);
  const visible = useMemo(() => filterClaims(claims, filter), [claims, filter]);

  const remember = useCallback((record: ClaimRecord) => {
    setWritten((current) => new Map(current).set(record.id, record));
  }, []);

  // A popup closed mid-word left its note as a draft: show it here, and finish saving it.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const drafts = await services.drafts.all().catch(() => []);
      const mine = drafts.filter((draft) => data.claims.some((claim) => claim.claimId === draft.claimId));
      if (cancelled || drafts.length === 0) return;
      if (mine.length > 0) setDraftNotes(new Map(mine.map((draft) => [draft.claimId, draft.update.note])));
      const failed = await flushDrafts(services.drafts, async (update) => remember(await services.review(update)));
      if (cancelled) return;
      setDraftNotes(new Map(failed.filter((d) => mine.includes(d)).map((d) => [d.claimId, d.update.note])));
      if (failed.length > 0) setError('Some notes could not be saved yet; they are kept as drafts and will be retried.');
    })();
    return () => {
      cancelled = true;
    };
  }, [services, data.claims, remember]);

  const setStatus = useCallback(
    (claim: PageClaim, status: ReviewStatus) => {
      setPendingStatus((current) => new Map(current).set(claim.claimId, status));
      services
        .review({ pageUrl: page.url, claimId: claim.claimId, claim: claim.snapshot, status })
        .then(
          (record) => {
            remember(record);
            setError(null);
          },
          (reason: unknown) => setError(`Your verdict was not saved. ${messageOf(reason)}`),
        )
        .finally(() =>
          setPendingStatus((current) => {
            const next = new Map(current);
            if (next.get(claim.claimId) === status) next.delete(claim.claimId);
            return next;
          }),
        );
    },
    [services, page.url, remember],
  );

  const saveNote = useCallback(
    async (claim: PageClaim, note: string) => {
      try {
        const record = await services.review({ pageUrl: page.url, claimId: claim.claimId, claim: claim.snapshot, note });
        remember(record);
        await services.drafts.settle(claim.claimId, note);
        setError(null);
      } catch (reason) {
        setError(`Your note was not saved; it is kept as a draft. ${messageOf(reason)}`);
        throw reason;
      }
    },
    [services, page.url, remember],
  );

  const keepDraft = useCallback(
    (claim: PageClaim, note: string) => {
      void services.drafts.save(claim.claimId, { pageUrl: page.url, claimId: claim.claimId, claim: claim.snapshot, note }, Date.now());
    },
    [services, page.url],
  );

  const dismiss = useCallback(
    (claim: PageClaim) => {
      services.dismiss({ pageUrl: page.url, claimId: claim.claimId, claim: claim.snapshot }).then(
        (record) => {
          remember(record);
          setNotice('Removed. It won’t be shown on this page again.');
        },
        (reason: unknown) => setError(`Could not remove the claim. ${messageOf(reason)}`),
      );
    },
    [services, page.url, remember],
  );

  const show = useCallback(
    (claim: PageClaim) => {
      services.showClaim(tabId, claim.claimId).then(
        (found) => setNotice(found ? 'Shown in the page.' : 'That claim is not on the page any more.'),
        () => setNotice('The page did not respond. Try reloading it.'),
      );
    },
    [services, tabId],
  );

  useEffect(() => {
    const controller = new AbortController();
    document.addEventListener(
      'keydown',
      (event) => {
        const target = event.target;
        const typing =
          target instanceof HTMLTextAreaElement ||
          target instanceof HTMLSelectElement ||
          (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type));
        if (event.key === '/' && !typing && !event.defaultPrevented && !event.ctrlKey && !event.metaKey && !event.altKey) {
          event.preventDefault();
          searchRef.current?.focus();
        }
      },
      { signal: controller.signal },
    );
    return () => controller.abort();
  }, []);

  return (
    <main class="popup">
      <header class="popup__header">
        <h1 class="popup__title">{page.title || page.url}</h1>
        <p class="popup__site">{page.site}</p>
        {kind === 'article' ? (
          <p class="popup__counts" aria-live="polite">
            {formatCounts(counts)}
          </p>
        ) : null}
      </header>

      {error ? (
        <div class="popup__error" role="alert">
          <p>{error}</p>
          <button type="button" class="ct-button ct-button--small ct-button--quiet" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {live.state === 'error' ? (
        <div class="popup__error" role="alert">
          <p>Saved reviews could not be read: {live.error.message}. The list shows what the page reports.</p>
        </div>
      ) : null}

      {siteOn === false || (kind === 'disabled' && siteOn === null) ? (
        <EmptyState title={`Highlighting is off for ${page.site}`}>
          <p>ClaimTrail is not looking for claims on this site. Turn it on below to see and review them.</p>
        </EmptyState>
      ) : kind === 'disabled' && turningOn ? (
        <p class="popup__loading" aria-busy="true">
          Looking for claims…
        </p>
      ) : kind === 'disabled' ? (
        <EmptyState title="Highlighting is off everywhere">
          <p>ClaimTrail is not looking for claims on any site. Turn “Highlight claims on news pages” back on in the library’s settings.</p>
        </EmptyState>
      ) : kind === 'not-article' ? (
        <EmptyState title="This page doesn’t look like a news article">
          <p>ClaimTrail looks for claims in articles only. If this page is one, you can still track a claim by hand.</p>
          <TrackSelection services={services} tabId={tabId} onTracked={onRefresh} />
        </EmptyState>
      ) : claims.length === 0 ? (
        <EmptyState title="No claims found on this page">
          <p>ClaimTrail found no attributed statements (“…,” she said; according to …) in this article.</p>
          <TrackSelection services={services} tabId={tabId} onTracked={onRefresh} />
        </EmptyState>
      ) : (
        <>
          <Filters filter={filter} counts={counts} speakers={speakers} onChange={setFilter} searchRef={searchRef} />
          <p class="popup__help" id="popup-keys">
            <kbd>↑</kbd>
            <kbd>↓</kbd> move · <kbd>v</kbd> verified · <kbd>d</kbd> disputed · <kbd>n</kbd> note · <kbd>/</kbd> search · in the page:{' '}
            <kbd>{CLAIM_KEYS.next.label}</kbd> / <kbd>{CLAIM_KEYS.previous.label}</kbd> next / previous claim
          </p>
          {visible.length === 0 ? (
            <EmptyState title="No claims match">
              <button type="button" class="ct-button ct-button--small" onClick={() => setFilter(NO_FILTER)}>
                Clear filters
              </button>
            </EmptyState>
          ) : (
            <ClaimList
              claims={visible}
              label={`Claims on this page (${visible.length} shown)`}
              onSearchKey={() => searchRef.current?.focus()}
              onStatus={setStatus}
              onNoteInput={keepDraft}
              onNoteSave={saveNote}
              onDismiss={dismiss}
              onShow={show}
            />
          )}
        </>
      )}

      {orphans.length > 0 ? <OrphanList orphans={orphans} /> : null}

      <p class="ct-visually-hidden" aria-live="polite">
        {notice}
      </p>
      <PopupFooter
        services={services}
        site={page.site}
        siteOn={siteOn}
        onSiteToggled={toggleSite}
        onExport={
          kind === 'article' && claims.length > 0
            ? (format) => services.exportPage(format, page, claims, stored).catch((reason: unknown) => setError(`Export failed. ${messageOf(reason)}`))
            : undefined
        }
      />
    </main>
  );
}

/**
 * The page applies a settings change when it hears of it, a moment after the popup wrote it: ask
 * again for up to about ten seconds until the page reports the new state (or give up and show what it says).
 */
async function waitForPage(services: PopupServices, tabId: number, settled: (data: PageClaims) => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const data = await services.getClaims(tabId).catch(() => null);
    if (!data || settled(data)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function TrackSelection({ services, tabId, onTracked }: { services: PopupServices; tabId: number; onTracked: () => void }) {
  const [speaker, setSpeaker] = useState('');
  const [message, setMessage] = useState('');
  return (
    <form
      class="ct-track"
      onSubmit={(event) => {
        event.preventDefault();
        services.trackSelection(tabId, speaker.trim() || undefined).then(
          (claim) => (claim ? onTracked() : setMessage('Select the claim’s text in the page first, then try again.')),
          () => setMessage('The page did not respond. Try reloading it.'),
        );
      }}
    >
      <p class="ct-track__hint">
        Select a sentence in the page, then track it here or with <strong>Track selection as a claim</strong> in the
        right-click menu.
      </p>
      <label class="ct-track__speaker">
        Speaker (optional)
        <input type="text" value={speaker} onInput={(event) => setSpeaker(event.currentTarget.value)} />
      </label>
      <button type="submit" class="ct-button ct-button--small">
        Track a selection
      </button>
      <p class="ct-track__message" aria-live="polite">
        {message}
      </p>
    </form>
  );
}

interface FooterProps {
  services: PopupServices;
  site?: string;
  siteOn?: boolean | null;
  onSiteToggled?: (on: boolean) => void;
  onExport?: ((format: PageExportFormat) => void) | undefined;
}

function PopupFooter({ services, site, siteOn, onSiteToggled, onExport }: FooterProps) {
  return (
    <footer class="popup__footer">
      {site && siteOn != null && onSiteToggled ? (
        <label class="ct-switch">
          <input type="checkbox" role="switch" checked={siteOn} onChange={(event) => onSiteToggled(event.currentTarget.checked)} />
          <span>Highlight claims on {site}</span>
        </label>
      ) : null}
      <div class="popup__actions">
        {onExport ? (
          <div class="popup__export" role="group" aria-label="Export this page">
            <span aria-hidden="true">Export this page:</span>
            <button type="button" class="ct-button ct-button--small" onClick={() => onExport('markdown')}>
              Markdown
            </button>
            <button type="button" class="ct-button ct-button--small" onClick={() => onExport('csv')}>
              CSV
            </button>
          </div>
        ) : null}
        <button type="button" class="ct-button ct-button--small" onClick={() => void services.openLibrary()}>
          Open library
        </button>
      </div>
    </footer>
  );
}
