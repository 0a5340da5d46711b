import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { envelope, MessageError } from '../../../utils/messaging/envelope';
import type { ContentToBackground, ExtensionPageToBackground, ToContent } from '../../../utils/messaging/protocol';
import { isContentScript, isExtensionPage, onMessageRoutes, onMessages, route } from '../../../utils/messaging/receive';
import type { Handlers, MessageSender } from '../../../utils/messaging/receive';
import { contentToBackgroundSchemas, extensionPageToBackgroundSchemas, LIMITS } from '../../../utils/messaging/schemas';
import type { RequestSchemas } from '../../../utils/messaging/schemas';
import { sendToBackground } from '../../../utils/messaging/send';
import { CLAIM_A, snapshot } from '../db/helpers';
import { contentSender, pageSender } from './fake-senders';

const PAGE_URL = 'https://www.example.com/news/iraq-talks';

function validReview() {
  return { pageUrl: PAGE_URL, claim: snapshot(CLAIM_A), status: 'verified', note: 'ok' };
}

/** Background-like receiver whose handlers record every call, so tests can prove nothing ran. */
function listenLikeBackground(signal: AbortSignal) {
  const calls: string[] = [];
  const record = <T>(name: string, result: T) => () => {
    calls.push(name);
    return result;
  };
  const content: Handlers<ContentToBackground> = {
    'claim:review': vi.fn(record('content:claim:review', null as never)),
    'page:badge': record('content:page:badge', null),
  };
  const page: Handlers<ExtensionPageToBackground> = {
    'claims:delete': record('page:claims:delete', 3),
  };
  onMessageRoutes(
    [route(isExtensionPage, extensionPageToBackgroundSchemas, page), route(isContentScript, contentToBackgroundSchemas, content)],
    { signal, exclusive: true },
  );
  return calls;
}

async function deliver(message: unknown, sender: MessageSender) {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return replies.find((r) => r !== undefined);
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('background receiver: accepted messages', () => {
  it('runs the handler for a valid content message and wraps its result', async () => {
    const calls = listenLikeBackground(new AbortController().signal);
    expect(await deliver(envelope('page:badge', { toReview: 3 }), contentSender())).toEqual({ ct: 1, ok: true, data: null });
    expect(calls).toEqual(['content:page:badge']);
  });

  it('routes extension-page messages by sender URL, even from a popup opened in a tab', async () => {
    const calls = listenLikeBackground(new AbortController().signal);
    const popupInTab = { ...pageSender('popup.html?tab=7'), tab: contentSender().tab };
    expect(await deliver(envelope('claims:delete', { claimIds: ['a'] }), popupInTab)).toEqual({ ct: 1, ok: true, data: 3 });
    expect(calls).toEqual(['page:claims:delete']);
  });

  it('stops listening when the signal aborts', async () => {
    const controller = new AbortController();
    const calls = listenLikeBackground(controller.signal);
    controller.abort();
    expect(await fakeBrowser.runtime.onMessage.trigger(envelope('page:badge', { toReview: 1 }), contentSender())).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('background receiver: hostile and malformed messages write nothing', () => {
  const hostile: [name: string, message: unknown, sender: () => MessageSender, code: string][] = [
    ['foreign extension id', envelope('page:badge', { toReview: 1 }), () => ({ ...contentSender(), id: 'evil-extension' }), 'forbidden'],
    ['no sender id', envelope('page:badge', { toReview: 1 }), () => ({ url: 'https://x.com/', tab: contentSender().tab }), 'forbidden'],
    ['content message without a tab', envelope('page:badge', { toReview: 1 }), () => ({ id: fakeBrowser.runtime.id, url: 'https://x.com/' }), 'forbidden'],
    ['page-only message from a content script', envelope('claims:delete', { claimIds: ['a'] }), contentSender, 'unknown-type'],
    ['unknown type', envelope('db:drop', {}), contentSender, 'unknown-type'],
    ['"constructor" as type', envelope('constructor', {}), contentSender, 'unknown-type'],
    ['"__proto__" as type', envelope('__proto__', {}), contentSender, 'unknown-type'],
    ['"toString" as type', envelope('toString', null), pageSender, 'unknown-type'],
    ['not an envelope', { type: 'page:badge', data: { toReview: 1 } }, contentSender, 'invalid'],
    ['a bare string', 'page:badge', contentSender, 'invalid'],
    ['null', null, contentSender, 'invalid'],
    ['wrong envelope version', { ct: 2, type: 'page:badge', data: { toReview: 1 } }, contentSender, 'invalid'],
    ['extra envelope field', { ...envelope('page:badge', { toReview: 1 }), admin: true }, contentSender, 'invalid'],
    ['wrong field type', envelope('page:badge', { toReview: '3' }), contentSender, 'invalid'],
    ['negative count', envelope('page:badge', { toReview: -1 }), contentSender, 'invalid'],
    ['extra payload field', envelope('claim:review', { ...validReview(), isAdmin: true }), contentSender, 'invalid'],
    ['__proto__ key in payload', envelope('claim:review', JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(validReview()).slice(1)}`)), contentSender, 'invalid'],
    ['constructor key in nested object', envelope('claim:review', { ...validReview(), claim: { ...snapshot(CLAIM_A), constructor: { prototype: { x: 1 } } } }), contentSender, 'invalid'],
    ['oversized note', envelope('claim:review', { ...validReview(), note: 'x'.repeat(LIMITS.note + 1) }), contentSender, 'invalid'],
    ['oversized claim text', envelope('claim:review', { ...validReview(), claim: { ...snapshot(CLAIM_A), text: 'x'.repeat(LIMITS.claimText + 1) } }), contentSender, 'invalid'],
    ['unknown status', envelope('claim:review', { ...validReview(), status: 'true' }), contentSender, 'invalid'],
    ['unnormalized page URL', envelope('claim:review', { ...validReview(), pageUrl: 'https://www.example.com/news/iraq-talks#x' }), contentSender, 'invalid'],
    ['javascript: page URL', envelope('claim:review', { ...validReview(), pageUrl: 'javascript:alert(1)' }), contentSender, 'invalid'],
    ['position end before start', envelope('claim:review', { ...validReview(), claim: { ...snapshot(CLAIM_A), selectors: { ...snapshot(CLAIM_A).selectors, position: { type: 'TextPositionSelector', start: 9, end: 2 } } } }), contentSender, 'invalid'],
    ['too many ids', envelope('claims:delete', { claimIds: Array.from({ length: LIMITS.idsPerRequest + 1 }, (_, i) => String(i)) }), pageSender, 'invalid'],
    ['missing data', { ct: 1, type: 'page:badge' }, contentSender, 'invalid'],
  ];

  it.each(hostile)('%s → %s', async (_name, message, sender, code) => {
    const calls = listenLikeBackground(new AbortController().signal);
    const reply = await deliver(message, sender());
    expect(reply).toMatchObject({ ct: 1, ok: false, error: { code, message: expect.any(String) } });
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the offending field in the error', async () => {
    listenLikeBackground(new AbortController().signal);
    const reply = await deliver(envelope('claim:review', { ...validReview(), note: 'x'.repeat(LIMITS.note + 1) }), contentSender());
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('note') } });
  });
});

describe('non-exclusive receivers (extension pages)', () => {
  type Show = Pick<ToContent, 'claim:show'>;
  const showSchemas: RequestSchemas<Show> = { 'claim:show': v.strictObject({ claimId: v.string() }) };

  function listenLikeContent(signal: AbortSignal) {
    const shown: string[] = [];
    onMessages<Show>(
      { 'claim:show': ({ claimId }) => (shown.push(claimId), true) },
      { signal, validate: showSchemas, from: isExtensionPage },
    );
    return shown;
  }

  it('handles its own messages from the extension', async () => {
    const shown = listenLikeContent(new AbortController().signal);
    const background = pageSender('background.js');
    expect(await deliver(envelope('claim:show', { claimId: 'c1' }), background)).toEqual({ ct: 1, ok: true, data: true });
    expect(shown).toEqual(['c1']);
  });

  it('stays silent on messages that are not for it, so the background answers alone', async () => {
    const shown = listenLikeContent(new AbortController().signal);
    expect(await fakeBrowser.runtime.onMessage.trigger(envelope('page:badge', { toReview: 1 }), pageSender())).toEqual([undefined]);
    expect(await fakeBrowser.runtime.onMessage.trigger(envelope('claim:show', { claimId: 'c1' }), { id: 'other' })).toEqual([undefined]);
    expect(shown).toEqual([]);
  });

  it('rejects an invalid payload of a type it handles', async () => {
    const shown = listenLikeContent(new AbortController().signal);
    const reply = await deliver(envelope('claim:show', { claimId: 5 }), pageSender());
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(shown).toEqual([]);
  });
});

describe('sendToBackground', () => {
  it('returns the data of a successful reply and throws MessageError with the user-facing message otherwise', async () => {
    listenLikeBackground(new AbortController().signal);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => deliver(message, contentSender()));
    await expect(sendToBackground('page:badge', { toReview: 2 })).resolves.toBeNull();
    const error = await sendToBackground('page:badge', { toReview: -2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect(error).toMatchObject({ code: 'invalid' });
  });

  it('turns a missing background into an "unreachable" error', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(sendToBackground('page:badge', { toReview: 1 })).rejects.toMatchObject({ name: 'MessageError', code: 'unreachable' });
  });
});
