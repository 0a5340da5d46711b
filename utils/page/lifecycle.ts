/**
 * How long a content script's reading session lives, and when its page changes, decided from signals
 * a web page cannot forge.
 *
 * WXT's ContentScriptContext invalidates itself when a `document` event announces a newer copy of the
 * same script, and reports SPA navigations through a window event. Both are visible to the page (the
 * start announcement is also `postMessage`d, extension id included), so a page could learn the
 * extension's id, or switch ClaimTrail off or make it start over at will. The content script build
 * therefore replaces that class with a stand-in (utils/page/content-script-context.ts). Instead, the
 * session ends only when the extension context is really gone — in Chromium an updated, reloaded or
 * disabled extension leaves its old content scripts running with `runtime.id` undefined; Firefox
 * unloads them itself — and a navigation is a change of `location.href` as this world reads it.
 */
import { browser } from 'wxt/browser';

/** Announced on the document by each new copy of the content script; it only makes older copies check. */
export const STARTED_EVENT = 'claimtrail:started';

/** Looked up on each check: the runtime object itself goes away with the extension context. */
export function extensionAlive(): boolean {
  try {
    return browser.runtime?.id !== undefined;
  } catch {
    return false;
  }
}

/**
 * A signal aborted when the extension context is gone: checked at once when a newer copy of the
 * script announces itself on `target` (so an orphaned copy clears its highlights before the new one
 * paints; a forged announcement only causes a check), and every `pollMs` so an orphaned script also
 * stops when nothing announces anything.
 */
export function sessionSignal(target: EventTarget, { alive = extensionAlive, pollMs = 1000 } = {}): AbortSignal {
  const controller = new AbortController();
  const { signal } = controller;
  // Nothing reads the abort reason, and aborting an aborted controller does nothing.
  const check = () => {
    if (!alive()) controller.abort();
  };
  target.dispatchEvent(new Event(STARTED_EVENT));
  target.addEventListener(STARTED_EVENT, check, { signal });
  const timer = setInterval(check, pollMs);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return signal;
}

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void, options: { signal: AbortSignal }): void;
}

/**
 * Calls `onChange` when `location.href` changes (history.pushState, replaceState, back/forward within
 * the document). The Navigation API, where present, makes it prompt; a poll covers the rest. Either
 * only triggers a comparison, so a page dispatching fake events causes no restart.
 */
export function watchLocation(
  onChange: (href: string) => void,
  signal: AbortSignal,
  { read = () => location.href, pollMs = 500, navigation = (globalThis as { navigation?: NavigationLike }).navigation } = {},
): void {
  let last = read();
  const check = () => {
    if (signal.aborted) return;
    const href = read();
    if (href === last) return;
    last = href;
    onChange(href);
  };
  const timer = setInterval(check, pollMs);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  navigation?.addEventListener('currententrychange', check, { signal });
}
