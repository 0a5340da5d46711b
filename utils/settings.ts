/**
 * User preferences, in extension storage (small values that every context reads; claims live in
 * Dexie). Every watcher takes an AbortSignal and stops when it aborts.
 */
import { storage } from 'wxt/utils/storage';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { hostSite, siteOf } from './url/normalize';

/** Highlighting on every site (the per-site list can still turn single sites off). */
export const highlightsEnabled = storage.defineItem<boolean>('local:highlightsEnabled', { fallback: true });

/** Sites (host without "www.", lowercase) where highlighting is off. Kept sorted and unique. */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

/** "Remember every detected claim on pages I read": off by default, so only reviewed claims are stored. */
export const rememberAllClaims = storage.defineItem<boolean>('local:rememberAllClaims', { fallback: false });

export interface Settings {
  highlightsEnabled: boolean;
  disabledSites: string[];
  rememberAllClaims: boolean;
}

export async function getSettings(): Promise<Settings> {
  const [enabled, sites, rememberAll] = await Promise.all([
    highlightsEnabled.getValue(),
    disabledSites.getValue(),
    rememberAllClaims.getValue(),
  ]);
  return { highlightsEnabled: enabled, disabledSites: sites, rememberAllClaims: rememberAll };
}

/** Accepts a URL or a bare host name ("WWW.Example.com.") and returns the site key ("example.com"). */
export function siteKey(urlOrHost: string): string {
  const trimmed = urlOrHost.trim();
  return /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? siteOf(trimmed) : hostSite(trimmed);
}

/** Whether highlights should show on this URL/site, given the global switch and the per-site list. */
export function highlightsAllowed(settings: Pick<Settings, 'highlightsEnabled' | 'disabledSites'>, urlOrHost: string): boolean {
  return settings.highlightsEnabled && !settings.disabledSites.includes(siteKey(urlOrHost));
}

export async function isSiteEnabled(urlOrHost: string): Promise<boolean> {
  return !(await disabledSites.getValue()).includes(siteKey(urlOrHost));
}

export async function setSiteEnabled(urlOrHost: string, enabled: boolean): Promise<void> {
  const site = siteKey(urlOrHost);
  if (!site) return;
  const current = await disabledSites.getValue();
  const next = new Set(current);
  if (enabled) next.delete(site);
  else next.add(site);
  await disabledSites.setValue([...next].sort());
}

/** Calls `cb` with the new value whenever `item` changes, until `signal` aborts. */
export function watchItem<T>(item: WxtStorageItem<T, Record<string, unknown>>, cb: (value: T) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const unwatch = item.watch((value) => cb(value));
  signal.addEventListener('abort', unwatch, { once: true });
}

/** Calls `cb` with all settings whenever any of them changes, until `signal` aborts. */
export function watchSettings(cb: (settings: Settings) => void, signal: AbortSignal): void {
  const refresh = () => {
    void getSettings().then((s) => {
      if (!signal.aborted) cb(s);
    });
  };
  watchItem(highlightsEnabled, refresh, signal);
  watchItem(disabledSites, refresh, signal);
  watchItem(rememberAllClaims, refresh, signal);
}
