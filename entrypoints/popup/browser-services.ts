import { browser } from 'wxt/browser';
import { getDb } from '../../utils/db/database';
import { claimFromSnapshot, storedClaims } from '../../utils/db/operations';
import type { ClaimRecord, PageRecord } from '../../utils/db/types';
import { sendToBackground, sendToTab } from '../../utils/messaging/send';
import type { PageClaim } from '../../utils/messaging/protocol';
import { createDraftStore } from '../../utils/popup/note-drafts';
import { tabIdFromSearch } from '../../utils/popup/target';
import { isSiteEnabled, setSiteEnabled } from '../../utils/settings';
import type { PageClaims, PopupServices } from './services';

interface Options {
  /** Called after an action that takes the user elsewhere (the toolbar popup closes itself). */
  onLeave?: (() => void) | undefined;
}

/** The page's claims as records for an export: stored ones as stored, the rest as detected now. */
function exportRecords(pageUrl: string, claims: PageClaim[], stored: ClaimRecord[], now: number): ClaimRecord[] {
  const byId = new Map(stored.map((record) => [record.id, record]));
  return claims.map((claim) => {
    const record = byId.get(claim.claimId) ?? { ...claimFromSnapshot(pageUrl, claim.snapshot, now), id: claim.claimId };
    return { ...record, status: claim.status, note: claim.note };
  });
}

export function createPopupServices({ onLeave }: Options = {}): PopupServices {
  return {
    async targetTab() {
      const fromQuery = tabIdFromSearch(location.search);
      const tab =
        fromQuery === null
          ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]
          : await browser.tabs.get(fromQuery);
      return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
    },
    async getClaims(tabId) {
      performance.mark('popup:claims-requested');
      const claims = await sendToTab(tabId, 'page:get-claims', null);
      performance.mark('popup:claims-received');
      return claims;
    },
    showClaim: (tabId, claimId) => sendToTab(tabId, 'claim:show', { claimId }),
    trackSelection: (tabId, speaker) => sendToTab(tabId, 'selection:track', speaker === undefined ? {} : { speaker }),
    async reloadTab(tabId) {
      await browser.tabs.reload(tabId);
      // The content script starts at document_idle; ask again once the tab has finished loading.
      await new Promise<void>((resolve) => {
        const controller = new AbortController();
        const listener = (id: number, change: { status?: string }) => {
          if (id !== tabId || change.status !== 'complete') return;
          controller.abort();
        };
        controller.signal.addEventListener('abort', () => {
          browser.tabs.onUpdated.removeListener(listener);
          resolve();
        });
        browser.tabs.onUpdated.addListener(listener);
        setTimeout(() => controller.abort(), 10_000);
      });
    },
    storedClaims: (pageUrl) => storedClaims(getDb(), pageUrl),
    review: (update) => sendToBackground('claim:review', update),
    dismiss: (input) => sendToBackground('claim:dismiss', input),
    drafts: createDraftStore(browser.storage.local),
    siteHighlighting: { get: isSiteEnabled, set: setSiteEnabled },
    async exportPage(format, page: PageClaims['page'], claims, stored) {
      // Loaded on demand: the formats (and the CSV library) are not needed to open the popup.
      const [{ exportBlob, exportFileName }, { saveBlob }] = await Promise.all([
        import('../../utils/export/formats'),
        import('../../utils/export/save-file'),
      ]);
      const now = new Date();
      const pageRecord: PageRecord = (await getDb().pages.get(page.url)) ?? {
        ...page,
        firstSeen: now.getTime(),
        lastSeen: now.getTime(),
      };
      const library = { pages: [pageRecord], claims: exportRecords(page.url, claims, stored, now.getTime()), reviews: [] };
      saveBlob(exportBlob(format, library, { exportedAt: now }), exportFileName(format, page.title || page.site, now));
    },
    async openLibrary() {
      await browser.runtime.openOptionsPage();
      onLeave?.();
    },
  };
}
