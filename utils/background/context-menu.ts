import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/send';

export const TRACK_SELECTION_MENU_ID = 'claimtrail-track-selection';

/**
 * Menus persist across service-worker restarts, so they are (re)created only on install/update;
 * removeAll first because an update keeps the old entry and a duplicate id would throw.
 */
export async function createContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: TRACK_SELECTION_MENU_ID,
    title: 'Track selection as a claim',
    contexts: ['selection'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

type MenuClick = Parameters<Parameters<typeof browser.contextMenus.onClicked.addListener>[0]>;

/** Hands the selection to the tab's content script, which opens the card to enter the speaker. */
export async function onMenuClick(info: MenuClick[0], tab: MenuClick[1]): Promise<void> {
  if (info.menuItemId !== TRACK_SELECTION_MENU_ID || tab?.id === undefined) return;
  try {
    await sendToTab(tab.id, 'selection:track', {});
  } catch (e) {
    console.warn('[ClaimTrail] could not track the selection:', e);
  }
}
