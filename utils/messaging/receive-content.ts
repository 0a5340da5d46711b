/**
 * The content script's receiver over runtime.onMessage, without the schema library (see
 * content-guards.ts). Checked in the same order as utils/messaging/receive.ts: sender (this
 * extension), envelope, known type (own keys only), payload guard. Messages that are not for it get
 * no answer, so the background's reply to them is not raced; an invalid payload of a type it handles
 * is answered with an 'invalid' error and never reaches a handler.
 */
import { browser } from 'wxt/browser';
import { fail, ok } from './envelope';
import type { ReplyEnvelope } from './envelope';
import type { Guards } from './content-guards';
import { isOwnExtension } from './own-sender';
import type { Handlers, MessageSender } from './receive';

function envelopeType(message: unknown): string | null {
  if (typeof message !== 'object' || message === null) return null;
  const { ct, type } = message as { ct?: unknown; type?: unknown };
  return ct === 1 && typeof type === 'string' && 'data' in message && Object.keys(message).length === 3 ? type : null;
}

/**
 * Listens until `signal` aborts. Replies go through `sendResponse` (the listener returns true), which
 * every browser supports; a listener returning a promise needs the polyfill in older Chromium.
 */
export function onContentMessages<M>(handlers: Handlers<M>, guards: Guards<M>, signal: AbortSignal): void {
  if (signal.aborted) return;
  const listener = (message: unknown, sender: MessageSender, sendResponse: (reply: ReplyEnvelope) => void): true | undefined => {
    const type = envelopeType(message);
    if (!isOwnExtension(sender) || type === null || !Object.hasOwn(guards, type)) return undefined;
    const key = type as keyof M;
    // An own key of the guards, so a handler is never an Object.prototype member.
    const handler = handlers[key];
    if (!handler) return undefined;
    const data = (message as { data: unknown }).data;
    if (!guards[key](data)) sendResponse(fail('invalid', `Invalid ${type} message.`));
    else {
      Promise.resolve()
        .then(() => handler(data, sender))
        .then(
          (result) => sendResponse(ok(result ?? null)),
          (error: unknown) => {
            console.error('[ClaimTrail] handler failed:', error);
            sendResponse(fail('failed', 'ClaimTrail could not complete this action. Nothing was changed; please try again.'));
          },
        );
    }
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
