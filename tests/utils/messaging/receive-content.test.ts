import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toContentGuards } from '../../../utils/messaging/content-guards';
import { envelope } from '../../../utils/messaging/envelope';
import type { ToContent } from '../../../utils/messaging/protocol';
import { onContentMessages } from '../../../utils/messaging/receive-content';
import type { MessageSender } from '../../../utils/messaging/receive';
import { pageSender } from './fake-senders';

/** Delivers like a browser: the listener answers through sendResponse when it returns true. */
async function deliver(message: unknown, sender: MessageSender): Promise<unknown> {
  let respond: (reply: unknown) => void = () => {};
  const reply = new Promise((resolve) => (respond = resolve));
  // The fake's trigger is typed without sendResponse; it passes every argument on to the listeners.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  const returned = await trigger(message, sender, respond);
  return returned.includes(true) ? reply : undefined;
}

function listen(signal: AbortSignal) {
  const shown: string[] = [];
  onContentMessages<ToContent>(
    {
      'claim:show': ({ claimId }) => (shown.push(claimId), true),
      'highlights:toggle': () => Promise.reject(new Error('boom')),
    },
    toContentGuards,
    signal,
  );
  return shown;
}

beforeEach(() => fakeBrowser.reset());

describe('onContentMessages', () => {
  it('runs the handler of a valid message from the extension and answers with its result', async () => {
    const shown = listen(new AbortController().signal);
    expect(await deliver(envelope('claim:show', { claimId: 'c1' }), pageSender('background.js'))).toEqual({ ct: 1, ok: true, data: true });
    expect(shown).toEqual(['c1']);
  });

  it('stays silent on what is not its own (other extensions, other types, broken envelopes)', async () => {
    const shown = listen(new AbortController().signal);
    const quiet: [unknown, MessageSender][] = [
      [envelope('claim:show', { claimId: 'c1' }), { id: 'other-extension' }],
      [envelope('claim:show', { claimId: 'c1' }), {}],
      [envelope('page:badge', { toReview: 1 }), pageSender()],
      [envelope('__proto__', {}), pageSender()],
      [envelope('constructor', null), pageSender()],
      [envelope('page:get-claims', null), pageSender()],
      [{ type: 'claim:show', data: { claimId: 'c1' } }, pageSender()],
      [{ ...envelope('claim:show', { claimId: 'c1' }), admin: true }, pageSender()],
      ['claim:show', pageSender()],
      [null, pageSender()],
    ];
    for (const [message, sender] of quiet) expect(await deliver(message, sender)).toBeUndefined();
    expect(shown).toEqual([]);
  });

  it('answers an invalid payload of a type it handles with an error, without running the handler', async () => {
    const shown = listen(new AbortController().signal);
    expect(await deliver(envelope('claim:show', { claimId: 5 }), pageSender())).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(shown).toEqual([]);
  });

  it('answers a failed handler with an error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    listen(new AbortController().signal);
    expect(await deliver(envelope('highlights:toggle', null), pageSender())).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('stops listening when the signal aborts', async () => {
    const controller = new AbortController();
    const shown = listen(controller.signal);
    controller.abort();
    expect(await deliver(envelope('claim:show', { claimId: 'c1' }), pageSender())).toBeUndefined();
    expect(shown).toEqual([]);
  });
});
