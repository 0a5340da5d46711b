import { describe, expect, it, vi } from 'vitest';
import { createDraftStore, flushDrafts, type DraftStorage, type NoteDraft } from '../../../utils/popup/note-drafts';
import { snapshot } from '../../components/fixtures';

function memoryArea(): DraftStorage & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: async () => structuredClone(items),
    set: async (values) => void Object.assign(items, structuredClone(values)),
    remove: async (keys) => {
      for (const key of Array.isArray(keys) ? keys : [keys]) delete items[key];
    },
  };
}

const update = (note: string): NoteDraft['update'] => ({ pageUrl: 'https://a.example/x', claim: snapshot('c1', 'Text'), note });

describe('note drafts', () => {
  it('keeps the latest text per claim and ignores unrelated storage keys', async () => {
    const area = memoryArea();
    area.items['settings'] = { on: true };
    const store = createDraftStore(area);
    await store.save('c1', update('hal'), 1);
    await store.save('c1', update('half a wor'), 2);
    await store.save('c2', update('other'), 3);
    expect((await store.all()).map((d) => [d.claimId, d.update.note])).toEqual([
      ['c1', 'half a wor'],
      ['c2', 'other'],
    ]);
  });

  it('settles a saved draft, but keeps one typed over since the save started', async () => {
    const store = createDraftStore(memoryArea());
    await store.save('c1', update('abc'), 1);
    await store.save('c1', update('abcd'), 2);
    await store.settle('c1', 'abc');
    expect(await store.all()).toHaveLength(1);
    await store.settle('c1', 'abcd');
    expect(await store.all()).toHaveLength(0);
  });

  it('flushes left-over drafts through review and keeps those that fail', async () => {
    const store = createDraftStore(memoryArea());
    await store.save('ok', update('saved words'), 1);
    await store.save('bad', update('unsaved words'), 2);
    const review = vi.fn(async (u: NoteDraft['update']) => {
      if (u.note === 'unsaved words') throw new Error('QuotaExceededError');
      return u;
    });
    const failed = await flushDrafts(store, review);
    expect(review).toHaveBeenCalledTimes(2);
    expect(failed.map((d) => d.claimId)).toEqual(['bad']);
    expect((await store.all()).map((d) => d.claimId)).toEqual(['bad']);
  });
});
