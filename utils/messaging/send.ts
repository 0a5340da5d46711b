/** Typed senders. Each wraps the payload in the envelope and unwraps the reply (or throws MessageError). */
import { browser } from 'wxt/browser';
import { envelope, MessageError, unwrapReply } from './envelope';
import type { Request, Response, ToBackground, ToContent } from './protocol';

/** From a content script or an extension page (popup, library) to the background. */
export async function sendToBackground<K extends keyof ToBackground & string>(
  type: K,
  data: Request<ToBackground, K>,
): Promise<Response<ToBackground, K>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(envelope(type, data));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new MessageError('unreachable', `ClaimTrail could not reach its background page (${detail}). Reload the page and try again.`);
  }
  return unwrapReply(reply);
}

/** To the content script in a tab's top frame (the only frame ClaimTrail runs in). */
export async function sendToTab<K extends keyof ToContent & string>(
  tabId: number,
  type: K,
  data: Request<ToContent, K>,
): Promise<Response<ToContent, K>> {
  let reply: unknown;
  try {
    reply = await browser.tabs.sendMessage(tabId, envelope(type, data), { frameId: 0 });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new MessageError('unreachable', `ClaimTrail is not running on this page (${detail}).`);
  }
  return unwrapReply(reply);
}

/**
 * To every tab's content script. Tabs without one (browser pages, tabs opened before install)
 * fail individually and are skipped. Needs no "tabs" permission: only tab ids are read.
 * Resolves to the number of tabs that accepted the message.
 */
export async function broadcastToTabs<K extends keyof ToContent & string>(
  type: K,
  data: Request<ToContent, K>,
): Promise<number> {
  const tabs = await browser.tabs.query({});
  const results = await Promise.allSettled(
    tabs.flatMap((t) => (t.id === undefined ? [] : [browser.tabs.sendMessage(t.id, envelope(type, data), { frameId: 0 })])),
  );
  return results.filter((r) => r.status === 'fulfilled').length;
}
