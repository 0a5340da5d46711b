/** Which tab the popup is about: `popup.html?tab=<id>` when opened as a page, else the active tab. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

export type PageRestriction = 'browser-page' | 'web-store';

// Browsers keep extensions out of their add-on stores, even with host access.
const STORE_PAGES: { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

/** Why the content script cannot run on url, or null when it can (or the URL is unknown). */
export function pageRestriction(url: string | undefined): PageRestriction | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'browser-page';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'browser-page';
  const onStore = STORE_PAGES.some(
    ({ host, path }) => parsed.hostname === host && (path === undefined || parsed.pathname.startsWith(path)),
  );
  return onStore ? 'web-store' : null;
}
