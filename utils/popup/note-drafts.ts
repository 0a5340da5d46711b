import type { ReviewUpdate } from '../messaging/protocol';

/**
 * Unsaved note text, kept in extension storage on every keystroke. The popup document is destroyed
 * the moment it closes, so a debounced save alone would lose the last words typed; the draft holds
 * the whole review update, so the next popup (on any page) can finish the save.
 */
export interface NoteDraft {
  claimId: string;
  update: ReviewUpdate & { note: string };
  at: number;
}

/** The part of a browser.storage area the drafts use. */
export interface DraftStorage {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = 'popup-note-draft:';

function isDraft(value: unknown): value is NoteDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<NoteDraft>;
  return typeof draft.claimId === 'string' && typeof draft.at === 'number' && typeof draft.update?.note === 'string';
}

export function createDraftStore(area: DraftStorage) {
  return {
    save(claimId: string, update: NoteDraft['update'], at: number): Promise<void> {
      return area.set({ [PREFIX + claimId]: { claimId, update, at } satisfies NoteDraft });
    },
    async all(): Promise<NoteDraft[]> {
      const items = await area.get(null);
      return Object.entries(items)
        .filter(([key, value]) => key.startsWith(PREFIX) && isDraft(value))
        .map(([, value]) => value as NoteDraft)
        .sort((a, b) => a.at - b.at);
    },
    /** Drops the draft once saved, unless it was typed over since (a newer draft must survive). */
    async settle(claimId: string, savedNote: string): Promise<void> {
      const key = PREFIX + claimId;
      const items = await area.get(null);
      const current = items[key];
      if (!isDraft(current) || current.update.note === savedNote) await area.remove(key);
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;

/**
 * Sends every draft left behind by a popup that closed mid-edit; each one that saves is settled.
 * Returns the drafts that could not be saved (they stay stored for the next try).
 */
export async function flushDrafts(
  store: DraftStore,
  review: (update: NoteDraft['update']) => Promise<unknown>,
): Promise<NoteDraft[]> {
  const failed: NoteDraft[] = [];
  for (const draft of await store.all()) {
    try {
      await review(draft.update);
      await store.settle(draft.claimId, draft.update.note);
    } catch {
      failed.push(draft);
    }
  }
  return failed;
}
