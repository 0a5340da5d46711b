import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  disabledSites,
  getSettings,
  highlightsAllowed,
  highlightsEnabled,
  isSiteEnabled,
  rememberAllClaims,
  setSiteEnabled,
  siteKey,
  watchSettings,
} from '../../utils/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('defaults: highlights on, no disabled sites, remember-all off', async () => {
    expect(await getSettings()).toEqual({ highlightsEnabled: true, disabledSites: [], rememberAllClaims: false });
  });

  it('per-site switch stores normalized host names, sorted and unique', async () => {
    await setSiteEnabled('https://WWW.Reuters.com/world/x?y=1', false);
    await setSiteEnabled('apnews.com', false);
    await setSiteEnabled('www.reuters.com', false);
    expect(await disabledSites.getValue()).toEqual(['apnews.com', 'reuters.com']);
    expect(await isSiteEnabled('https://reuters.com/other')).toBe(false);
    await setSiteEnabled('https://www.reuters.com/', true);
    expect(await disabledSites.getValue()).toEqual(['apnews.com']);
    expect(await isSiteEnabled('reuters.com')).toBe(true);
  });

  it('highlightsAllowed combines the global and per-site switches', () => {
    expect(highlightsAllowed({ highlightsEnabled: true, disabledSites: ['x.com'] }, 'https://www.x.com/a')).toBe(false);
    expect(highlightsAllowed({ highlightsEnabled: true, disabledSites: ['x.com'] }, 'https://y.com/a')).toBe(true);
    expect(highlightsAllowed({ highlightsEnabled: false, disabledSites: [] }, 'https://y.com/a')).toBe(false);
    expect(siteKey('Example.COM.')).toBe('example.com');
  });

  it('watchSettings reports changes until its signal aborts', async () => {
    const seen: boolean[] = [];
    const controller = new AbortController();
    let notified!: () => void;
    let next = new Promise<void>((r) => (notified = r));
    watchSettings((s) => {
      seen.push(s.rememberAllClaims);
      notified();
    }, controller.signal);
    await rememberAllClaims.setValue(true);
    await next;
    expect(seen).toEqual([true]);
    controller.abort();
    next = new Promise<void>((r) => (notified = r));
    await highlightsEnabled.setValue(false);
    await getSettings();
    expect(seen).toEqual([true]);
  });
});
