/**
 * Whether highlights may show on this page: the global switch and the per-site list that
 * utils/settings.ts defines. The content script reads them straight from extension storage instead of
 * through WXT's storage wrapper, which would add several KB to the bundle every page loads; a unit
 * test writes through utils/settings.ts and reads through here, so the two cannot drift apart.
 */
import { browser } from 'wxt/browser';
import { siteOf } from '../url/normalize';

/** The keys WXT gives `local:highlightsEnabled` and `local:disabledSites` in storage.local. */
const ENABLED_KEY = 'highlightsEnabled';
const SITES_KEY = 'disabledSites';

export async function highlightsAllowedOn(href: string): Promise<boolean> {
  const values: Record<string, unknown> = await browser.storage.local.get([ENABLED_KEY, SITES_KEY]);
  const sites = values[SITES_KEY];
  return values[ENABLED_KEY] !== false && !(Array.isArray(sites) && sites.includes(siteOf(href)));
}

/** Calls `cb` with the new answer whenever either switch changes, until `signal` aborts. */
export function watchHighlightsAllowed(href: () => string, cb: (allowed: boolean) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(ENABLED_KEY in changes || SITES_KEY in changes)) return;
    void highlightsAllowedOn(href()).then((value) => {
      if (!signal.aborted) cb(value);
    });
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
