import { browser } from 'wxt/browser';
import { sendToBackground, sendToTab } from '../../utils/messaging/send';
import { createDraftStore } from '../../utils/popup/note-drafts';
import { tabIdFromSearch } from '../../utils/popup/target';
import type { PopupServices } from './services';

interface Options {
  /** Called after an action that takes the user elsewhere (the toolbar popup closes itself). */
  onLeave?: (() => void) | undefined;
}

// Loaded on first use, after the first paint: the database (Dexie) and the settings storage are not
// needed to show the page's claims, and leaving them out makes the popup's first scripts a third.
const storage = () => import('./storage-services');

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
    watchStoredClaims(pageUrl, observer) {
      let stop: (() => void) | null = null;
      let stopped = false;
      storage().then(
        (db) => {
          if (!stopped) stop = db.watchStoredClaims(pageUrl, observer);
        },
        (error: unknown) => observer.error(error),
      );
      return () => {
        stopped = true;
        stop?.();
      };
    },
    review: (update) => sendToBackground('claim:review', update),
    dismiss: (input) => sendToBackground('claim:dismiss', input),
    drafts: createDraftStore(browser.storage.local),
    siteHighlighting: {
      get: async (site) => (await storage()).isSiteEnabled(site),
      set: async (site, enabled) => (await storage()).setSiteEnabled(site, enabled),
    },
    exportPage: async (...args) => (await storage()).exportPage(...args),
    async openLibrary() {
      await browser.runtime.openOptionsPage();
      onLeave?.();
    },
  };
}
