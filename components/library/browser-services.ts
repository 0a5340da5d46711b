import { browser } from 'wxt/browser';
import { getDb } from '../../utils/db/database';
import { storedClaims } from '../../utils/db/operations';
import { saveBlob } from '../../utils/export/save-file';
import { broadcastToTabs, sendToBackground } from '../../utils/messaging/send';
import type { LibraryServices } from './services';

/** Broadcasting one message per page to every tab is only worth it for a handful of pages; beyond that, reloading a tab repaints it. */
const MAX_PAGES_TO_NOTIFY = 50;

export function createBrowserServices(): LibraryServices {
  const db = getDb();
  return {
    db,
    send: (type, data) => sendToBackground(type, data),
    async notifyPages(pageUrls) {
      for (const pageUrl of pageUrls.slice(0, MAX_PAGES_TO_NOTIFY)) {
        await broadcastToTabs('claims:changed', { pageUrl, claims: await storedClaims(db, pageUrl) });
      }
    },
    saveFile: (blob, fileName) => saveBlob(blob, fileName),
    now: () => new Date(),
    async commands() {
      const commands = await browser.commands?.getAll?.() ?? [];
      // The browser's own command for the toolbar button comes without a description.
      return commands.map((c) => ({
        description: c.description || (c.name?.startsWith('_execute') ? 'Open the ClaimTrail popup' : c.name ?? ''),
        shortcut: c.shortcut || 'not set',
      }));
    },
  };
}
