import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/send';

/** Must match the key under `commands` in wxt.config.ts. */
export const TOGGLE_HIGHLIGHTS_COMMAND = 'toggle-highlights';

/** The keyboard shortcut toggles highlights in the tab it was pressed in. */
export async function onCommand(command: string, tab?: { id?: number }): Promise<void> {
  if (command !== TOGGLE_HIGHLIGHTS_COMMAND) return;
  // Firefox before 126 does not pass the tab; the active tab of the focused window is the same one.
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  try {
    await sendToTab(tabId, 'highlights:toggle', null);
  } catch (e) {
    // Pages the extension cannot run on (browser pages, the web store) have no content script.
    console.warn('[ClaimTrail] could not toggle highlights:', e);
  }
}
