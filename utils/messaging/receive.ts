/**
 * Typed receivers over runtime.onMessage. Every message is checked in this order before a handler
 * runs: sender (this extension, and the right kind of context), envelope, known type (own keys only,
 * so "__proto__" or "constructor" are just unknown), payload schema. A rejected message never
 * reaches a handler, so it cannot write anything.
 */
import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { InvalidPageError, StorageError } from '../db/errors';
import { fail, ok } from './envelope';
import { isOwnExtension } from './own-sender';
import type { ReplyEnvelope } from './envelope';
import type { Request, Response } from './protocol';
import { describeIssues, envelopeSchema } from './schemas';
import type { RequestSchemas } from './schemas';

export { isOwnExtension };

export type MessageSender = Browser.runtime.MessageSender;

export type Handlers<M> = {
  [K in keyof M]?: (data: Request<M, K>, sender: MessageSender) => Response<M, K> | Promise<Response<M, K>>;
};

/** Which senders a protocol map accepts. */
export type SenderCheck = (sender: MessageSender) => boolean;

/** Popup, library, background: a URL inside this extension. */
export function isExtensionPage(sender: MessageSender): boolean {
  return isOwnExtension(sender) && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

/** This extension's content script, running in a web page tab. */
export function isContentScript(sender: MessageSender): boolean {
  return isOwnExtension(sender) && typeof sender.tab?.id === 'number' && !isExtensionPage(sender);
}

interface Route {
  accepts: SenderCheck;
  lookup(type: string): { schema: v.GenericSchema; handler: (data: unknown, sender: MessageSender) => unknown } | null;
}

/** One protocol map with its schemas, the senders it accepts, and its handlers. */
export function route<M>(from: SenderCheck, schemas: RequestSchemas<M>, handlers: Handlers<M>): Route {
  return {
    accepts: from,
    lookup(type) {
      if (!Object.hasOwn(schemas, type) || !Object.hasOwn(handlers, type)) return null;
      const key = type as keyof M;
      const handler = handlers[key];
      if (!handler) return null;
      return {
        schema: schemas[key],
        handler: (data, sender) => handler(data as Request<M, typeof key>, sender),
      };
    },
  };
}

export interface ReceiveOptions {
  signal: AbortSignal;
  /**
   * The background is the only receiver of runtime messages from pages, so it answers everything,
   * rejecting what it does not handle. Other receivers (content scripts, extension pages, which also
   * see each other's runtime messages) must stay silent on messages that are not theirs, or they
   * would race the background's reply.
   */
  exclusive?: boolean;
}

function errorReply(e: unknown): ReplyEnvelope<never> {
  if (e instanceof StorageError) {
    console.error('[ClaimTrail] storage:', e.detail);
    return fail(e.code === 'unknown' ? 'failed' : e.code, e.message);
  }
  if (e instanceof InvalidPageError) return fail('invalid', e.message);
  console.error('[ClaimTrail] handler failed:', e);
  return fail('failed', 'ClaimTrail could not complete this action. Nothing was changed; please try again.');
}

/** Listens on runtime.onMessage for the given routes until `signal` aborts. */
export function onMessageRoutes(routes: readonly Route[], { signal, exclusive = false }: ReceiveOptions): void {
  if (signal.aborted) return;
  const reject = (reply: ReplyEnvelope<never>) => (exclusive ? Promise.resolve(reply) : undefined);

  const listener = (message: unknown, sender: MessageSender): Promise<ReplyEnvelope> | undefined => {
    const target = routes.find((r) => r.accepts(sender));
    if (!target) return reject(fail('forbidden', 'Message refused: it did not come from ClaimTrail.'));
    const env = v.safeParse(envelopeSchema, message);
    if (!env.success) return reject(fail('invalid', `Malformed message: ${describeIssues(env.issues)}`));
    const entry = target.lookup(env.output.type);
    if (!entry) return reject(fail('unknown-type', `Unknown message type "${env.output.type.slice(0, 64)}".`));
    const payload = v.safeParse(entry.schema, env.output.data);
    if (!payload.success) {
      return Promise.resolve(fail('invalid', `Invalid ${env.output.type} message: ${describeIssues(payload.issues)}`));
    }
    return (async () => {
      try {
        return ok((await entry.handler(payload.output, sender)) ?? null);
      } catch (e) {
        return errorReply(e);
      }
    })();
  };

  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/** Listens for one protocol map (e.g. ToContent in a content script) until `signal` aborts. */
export function onMessages<M>(
  handlers: Handlers<M>,
  options: ReceiveOptions & { validate: RequestSchemas<M>; from: SenderCheck },
): void {
  onMessageRoutes([route(options.from, options.validate, handlers)], options);
}
