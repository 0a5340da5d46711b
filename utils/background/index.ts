/**
 * The background's wiring, kept out of the entrypoint so tests can start and stop it. Holds no
 * state between events: the MV3 service worker may be stopped at any time, and everything it needs
 * (database, settings) is re-read on the next event.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db/database';
import type { ClaimTrailDb } from '../db/database';
import { onMessageRoutes, route, isContentScript, isExtensionPage } from '../messaging/receive';
import { contentToBackgroundSchemas, extensionPageToBackgroundSchemas } from '../messaging/schemas';
import { onCommand } from './commands';
import { createContextMenu, onMenuClick } from './context-menu';
import { createHandlers } from './handlers';

export interface BackgroundOptions {
  signal: AbortSignal;
  db?: () => ClaimTrailDb;
}

/** Registers every listener synchronously (MV3 wakes the worker only for listeners added at startup). */
export function startBackground({ signal, db = getDb }: BackgroundOptions): void {
  const handlers = createHandlers(db);
  // Opened now rather than by the first query: the worker wakes for a page that waits on its first
  // answer to paint (see 'page:state'), and a first open costs tens of ms (~80 ms creating the database
  // in a new profile). A failure here is what that first query reports (Dexie keeps it), so it is not
  // reported twice.
  db().open().catch(() => undefined);
  onMessageRoutes(
    [
      // Extension pages first: the popup opened as a tab (popup.html?tab=) also has sender.tab.
      route(isExtensionPage, extensionPageToBackgroundSchemas, handlers.page),
      route(isContentScript, contentToBackgroundSchemas, handlers.content),
    ],
    { signal, exclusive: true },
  );

  const onInstalled = () => {
    createContextMenu().catch((e: unknown) => console.error('[ClaimTrail] context menu:', e));
  };
  const onClicked = (...args: Parameters<typeof onMenuClick>) => void onMenuClick(...args);
  const onCommandEvent = (command: string, tab?: { id?: number }) => void onCommand(command, tab);
  browser.runtime.onInstalled.addListener(onInstalled);
  browser.contextMenus.onClicked.addListener(onClicked);
  browser.commands.onCommand.addListener(onCommandEvent);
  signal.addEventListener(
    'abort',
    () => {
      browser.runtime.onInstalled.removeListener(onInstalled);
      browser.contextMenus.onClicked.removeListener(onClicked);
      browser.commands.onCommand.removeListener(onCommandEvent);
    },
    { once: true },
  );
}
