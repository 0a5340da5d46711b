// Two tabs and the popup writing to the same claim at the same time, through the background's real
// message handlers over one database: every write succeeds, the last one wins, and the history keeps
// every change as a chain (each entry starts from the state the previous one left).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../../utils/background';
import { createDb, type ClaimTrailDb } from '../../../utils/db/database';
import { reviewHistory } from '../../../utils/db/operations';
import { envelope } from '../../../utils/messaging/envelope';
import type { MessageSender } from '../../../utils/messaging/receive';
import { contentSender, pageSender } from '../messaging/fake-senders';
import { CLAIM_A, everyClaim, everyReview, snapshot, uniqueDbName } from './helpers';

const PAGE_URL = 'https://www.example.com/news/iraq-talks';

let db: ClaimTrailDb;
let controller: AbortController;

async function deliver(message: unknown, sender: MessageSender): Promise<unknown> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return replies.find((reply) => reply !== undefined);
}

function tabSender(tabId: number): MessageSender {
  const sender = contentSender();
  return { ...sender, tab: { ...sender.tab!, id: tabId } };
}

beforeEach(() => {
  fakeBrowser.reset();
  // No content scripts in the fake browser: the fan-out to tabs just has nobody to reach.
  fakeBrowser.tabs.sendMessage = vi.fn(async () => ({ ct: 1, ok: true, data: null })) as typeof fakeBrowser.tabs.sendMessage;
  // Nor menus and commands, which the background also listens to.
  fakeBrowser.contextMenus.onClicked.addListener = vi.fn();
  fakeBrowser.contextMenus.onClicked.removeListener = vi.fn();
  fakeBrowser.commands.onCommand.addListener = vi.fn();
  fakeBrowser.commands.onCommand.removeListener = vi.fn();
  db = createDb(uniqueDbName());
  controller = new AbortController();
  startBackground({ signal: controller.signal, db: () => db });
});

afterEach(async () => {
  controller.abort();
  db.close();
  await Dexie.delete(db.name);
});

describe('concurrent writes to one claim', () => {
  it('two tabs and the popup at once: no error, the last write wins, the history keeps all of them', async () => {
    const claim = snapshot(CLAIM_A);
    const writes = [
      { sender: tabSender(7), update: { status: 'verified' as const } },
      { sender: tabSender(8), update: { status: 'disputed' as const } },
      { sender: pageSender('popup.html?tab=7'), update: { note: 'checked with the ministry' } },
      { sender: tabSender(8), update: { status: 'verified' as const, note: 'ministry confirmed' } },
    ];
    const replies = await Promise.all(
      writes.map(({ sender, update }) => deliver(envelope('claim:review', { pageUrl: PAGE_URL, claim, ...update }), sender)),
    );
    for (const reply of replies) expect(reply).toMatchObject({ ct: 1, ok: true });

    const [stored, ...others] = await everyClaim(db);
    expect(others).toEqual([]);
    // History is kept in the order it was written.
    const history = await everyReview(db);
    expect(history).toHaveLength(writes.length);
    // Each change was applied to the state the previous one committed: nothing was overwritten unseen.
    history.forEach((entry, i) => {
      const previous = i === 0 ? { status: 'unreviewed', note: '' } : history[i - 1]!.to;
      expect(entry.from).toEqual(previous);
    });
    // The claim is what the last committed write made it, and each write's own change is in the chain.
    expect({ status: stored!.status, note: stored!.note }).toEqual(history.at(-1)!.to);
    const changes = history.map((entry) => entry.to);
    expect(changes).toContainEqual(expect.objectContaining({ status: 'disputed' }));
    expect(changes).toContainEqual(expect.objectContaining({ note: 'checked with the ministry' }));
    expect(await reviewHistory(db, stored!.id)).toHaveLength(writes.length);
  });

  it('a note and a status sent at once both survive (neither write drops the other field)', async () => {
    const claim = snapshot(CLAIM_A);
    await Promise.all([
      deliver(envelope('claim:review', { pageUrl: PAGE_URL, claim, status: 'disputed' }), tabSender(7)),
      deliver(envelope('claim:review', { pageUrl: PAGE_URL, claim, note: 'wrong year' }), pageSender('popup.html?tab=7')),
    ]);
    expect(await everyClaim(db)).toEqual([expect.objectContaining({ status: 'disputed', note: 'wrong year' })]);
    expect((await everyReview(db)).length).toBe(2);
  });
});
