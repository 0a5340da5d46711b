import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../utils/background';
import { TRACK_SELECTION_MENU_ID } from '../../../utils/background/context-menu';
import { createDb } from '../../../utils/db/database';
import type { ClaimTrailDb } from '../../../utils/db/database';
import { envelope } from '../../../utils/messaging/envelope';
import { highlightsEnabled, rememberAllClaims, setSiteEnabled } from '../../../utils/settings';
import { CLAIM_A, CLAIM_B, everyClaim, failGroupWrites, page, snapshot, uniqueDbName } from '../db/helpers';
import { contentSender, pageSender } from '../messaging/fake-senders';
import type { MessageSender } from '../../../utils/messaging/receive';

const PAGE_URL = 'https://www.example.com/news/iraq-talks';

let db: ClaimTrailDb;
let controller: AbortController;
let tabMessages: { tabId: number; message: unknown }[];
let menuClick: ((info: { menuItemId: string | number }, tab?: { id?: number }) => void) | undefined;
let commandListener: ((command: string, tab?: { id?: number }) => void) | undefined;
const createdMenus: unknown[] = [];

async function deliver(message: unknown, sender: MessageSender) {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return replies.find((r) => r !== undefined);
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = createDb(uniqueDbName());
  tabMessages = [];
  createdMenus.length = 0;
  menuClick = undefined;
  // The fake browser has no tabs.sendMessage or contextMenus: record what the background does.
  fakeBrowser.tabs.sendMessage = vi.fn(async (tabId: number, message: unknown) => {
    tabMessages.push({ tabId, message });
    return { ct: 1, ok: true, data: null };
  }) as typeof fakeBrowser.tabs.sendMessage;
  fakeBrowser.contextMenus.removeAll = vi.fn(async () => undefined);
  fakeBrowser.contextMenus.create = vi.fn((props: unknown) => {
    createdMenus.push(props);
    return TRACK_SELECTION_MENU_ID;
  }) as typeof fakeBrowser.contextMenus.create;
  fakeBrowser.contextMenus.onClicked.addListener = vi.fn((cb) => {
    menuClick = cb as typeof menuClick;
  });
  fakeBrowser.contextMenus.onClicked.removeListener = vi.fn(() => {
    menuClick = undefined;
  });
  fakeBrowser.commands.onCommand.addListener = vi.fn((cb) => {
    commandListener = cb as typeof commandListener;
  });
  fakeBrowser.commands.onCommand.removeListener = vi.fn(() => {
    commandListener = undefined;
  });
  await fakeBrowser.tabs.create({ url: 'https://www.example.com/news/iraq-talks' });
  await fakeBrowser.tabs.create({ url: 'https://other.example.org/' });
  controller = new AbortController();
  startBackground({ signal: controller.signal, db: () => db });
});

afterEach(async () => {
  controller.abort();
  db.close();
  await Dexie.delete(db.name);
});

describe('background', () => {
  it('opens a page (storing detections only when remember-all is on)', async () => {
    const claims = [snapshot(CLAIM_A), snapshot(CLAIM_B)];
    const off = await deliver(envelope('page:open', { page: page(), claims }), contentSender());
    expect(off).toMatchObject({ ok: true, data: { pageUrl: PAGE_URL, stored: [], earlier: {}, allowed: true } });
    await rememberAllClaims.setValue(true);
    const on = await deliver(envelope('page:open', { page: page(), claims }), contentSender());
    expect(on).toMatchObject({ ok: true, data: { pageUrl: PAGE_URL, allowed: true } });
    expect((await everyClaim(db)).length).toBe(2);
  });

  it('records nothing of a page on a site switched off, or with highlights off everywhere, and says so', async () => {
    await rememberAllClaims.setValue(true);
    const claims = [snapshot(CLAIM_A)];
    await setSiteEnabled(PAGE_URL, false);
    const off = await deliver(envelope('page:open', { page: page(), claims }), contentSender());
    expect(off).toEqual({ ct: 1, ok: true, data: { pageUrl: PAGE_URL, stored: [], earlier: {}, allowed: false } });
    await setSiteEnabled(PAGE_URL, true);
    await highlightsEnabled.setValue(false);
    expect(await deliver(envelope('page:open', { page: page(), claims }), contentSender())).toMatchObject({ data: { allowed: false } });
    expect(await db.pages.count()).toBe(0);
    expect(await everyClaim(db)).toEqual([]);
    await highlightsEnabled.setValue(true);
    expect(await deliver(envelope('page:open', { page: page(), claims }), contentSender())).toMatchObject({ data: { allowed: true } });
    expect(await db.pages.count()).toBe(1);
    expect(await everyClaim(db)).toHaveLength(1);
  });

  it('tells a page what is stored and whether it may show anything, recording nothing', async () => {
    await deliver(envelope('claim:review', { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), status: 'verified' }), contentSender());
    const pagesBefore = await db.pages.count();
    const state = await deliver(envelope('page:state', { page: page() }), contentSender());
    expect(state).toMatchObject({ ok: true, data: { pageUrl: PAGE_URL, stored: [{ text: CLAIM_A, status: 'verified' }], allowed: true } });
    await setSiteEnabled(PAGE_URL, false);
    expect(await deliver(envelope('page:state', { page: page() }), contentSender())).toEqual({ ct: 1, ok: true, data: { pageUrl: PAGE_URL, stored: [], allowed: false } });
    expect(await db.pages.count()).toBe(pagesBefore);
  });

  it('a review from a tab is stored and fanned out to every tab with the page’s stored claims', async () => {
    const reply = await deliver(envelope('claim:review', { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), status: 'disputed', note: 'wrong year' }), contentSender());
    expect(reply).toMatchObject({ ok: true, data: { status: 'disputed', note: 'wrong year' } });
    const stored = await everyClaim(db);
    expect(stored).toHaveLength(1);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabMessages.map((m) => m.tabId).sort()).toEqual(tabs.map((t) => t.id).sort());
    expect(tabMessages[0]?.message).toEqual(envelope('claims:changed', { pageUrl: PAGE_URL, claims: stored }));
  });

  it('bulk status from the library changes claims and reports the count; delete and restore fan out', async () => {
    const a = await deliver(envelope('claim:review', { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), note: 'n' }), contentSender());
    const id = (a as { data: { id: string } }).data.id;
    expect(await deliver(envelope('claims:set-status', { claimIds: [id], status: 'verified' }), pageSender('library.html'))).toEqual({ ct: 1, ok: true, data: 1 });
    const before = await everyClaim(db);
    tabMessages = [];
    expect(await deliver(envelope('claims:delete', { claimIds: [id] }), pageSender('library.html'))).toEqual({ ct: 1, ok: true, data: 1 });
    expect(tabMessages[0]?.message).toEqual(envelope('claims:changed', { pageUrl: PAGE_URL, claims: [] }));
    expect(await deliver(envelope('claims:restore', { claims: before }), pageSender('library.html'))).toEqual({ ct: 1, ok: true, data: 1 });
    expect(await everyClaim(db)).toEqual(before);
  });

  it('a library-only message from a content script is refused and writes nothing', async () => {
    await deliver(envelope('claim:review', { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), status: 'verified' }), contentSender());
    const reply = await deliver(envelope('claims:delete', { claimIds: (await everyClaim(db)).map((c) => c.id) }), contentSender());
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect((await everyClaim(db)).length).toBe(1);
  });

  it('a content script may only write claims of its own site', async () => {
    const elsewhere = 'https://other.example.org/story';
    const attempts = [
      envelope('claim:review', { pageUrl: elsewhere, claim: snapshot(CLAIM_A), status: 'verified' }),
      envelope('claim:dismiss', { pageUrl: elsewhere, claim: snapshot(CLAIM_A) }),
      envelope('page:anchors', { pageUrl: elsewhere, anchors: [] }),
      envelope('page:open', { page: page({ href: elsewhere }), claims: [] }),
    ];
    for (const message of attempts) {
      expect(await deliver(message, contentSender())).toMatchObject({ ok: false, error: { code: 'invalid' } });
      expect(await deliver(message, { ...contentSender(), url: undefined })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect((await everyClaim(db)).length).toBe(0);
    expect(await db.pages.count()).toBe(0);
    // The same review from the library (an extension page) is allowed.
    expect(await deliver(attempts[0], pageSender('library.html'))).toMatchObject({ ok: true });
    // A same-site canonical or an AMP cache copy of the page counts as its own site.
    const amp = { ...contentSender(), url: 'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/iraq-talks/amp' };
    expect(await deliver(envelope('page:open', { page: page({ href: amp.url }), claims: [] }), amp)).toMatchObject({ ok: true });
  });

  it('returns the storage error to the caller when the write fails', async () => {
    failGroupWrites(db, () => new DOMException('full', 'QuotaExceededError'));
    const reply = await deliver(envelope('claim:review', { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), status: 'verified' }), contentSender());
    expect(reply).toEqual({ ct: 1, ok: false, error: { code: 'quota', message: expect.stringMatching(/^ClaimTrail could not save: your browser's storage is full/) } });
    expect((await everyClaim(db)).length).toBe(0);
    expect(tabMessages).toEqual([]);
  });

  it('keeps the toolbar badge per tab', async () => {
    await deliver(envelope('page:badge', { toReview: 4 }), contentSender());
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('4');
    await deliver(envelope('page:badge', { toReview: 0 }), contentSender());
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('creates the context menu on install and sends selection:track to the clicked tab', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(createdMenus).toHaveLength(1));
    expect(createdMenus[0]).toMatchObject({ id: TRACK_SELECTION_MENU_ID, title: 'Track selection as a claim', contexts: ['selection'] });
    menuClick?.({ menuItemId: TRACK_SELECTION_MENU_ID }, { id: 42 });
    await vi.waitFor(() => expect(tabMessages).toEqual([{ tabId: 42, message: envelope('selection:track', {}) }]));
  });

  it('the keyboard command toggles highlights in the tab it was pressed in, or the active tab', async () => {
    commandListener?.('toggle-highlights', { id: 9 });
    await vi.waitFor(() => expect(tabMessages).toEqual([{ tabId: 9, message: envelope('highlights:toggle', null) }]));
    tabMessages = [];
    const active = await fakeBrowser.tabs.create({ url: 'https://www.example.com/', active: true });
    // The fake browser has no focused window, so "current window" is answered here.
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([active]);
    commandListener?.('toggle-highlights');
    await vi.waitFor(() => expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true }));
    await vi.waitFor(() => expect(tabMessages).toEqual([{ tabId: active.id, message: envelope('highlights:toggle', null) }]));
    tabMessages = [];
    commandListener?.('something-else', { id: 9 });
    await Promise.resolve();
    expect(tabMessages).toEqual([]);
  });

  it('keeps working after the service worker is stopped and started again (no state in memory)', async () => {
    await deliver(envelope('claim:review', { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), status: 'verified' }), contentSender());
    controller.abort();
    db.close();
    // A restarted worker: new listeners, a new database connection to the same database.
    const restarted = createDb(db.name);
    controller = new AbortController();
    startBackground({ signal: controller.signal, db: () => restarted });
    const reply = await deliver(envelope('page:open', { page: page(), claims: [snapshot(CLAIM_A)] }), contentSender());
    expect(reply).toMatchObject({ ok: true, data: { stored: [{ text: CLAIM_A, status: 'verified' }] } });
    restarted.close();
  });

  it('removes its listeners when stopped', async () => {
    controller.abort();
    expect(menuClick).toBeUndefined();
    expect(commandListener).toBeUndefined();
    expect(await fakeBrowser.runtime.onMessage.trigger(envelope('page:badge', { toReview: 1 }), contentSender())).toEqual([]);
  });
});
