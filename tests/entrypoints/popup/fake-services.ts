import { vi } from 'vitest';
import type { Observer } from '../../../components/useSubscription';
import type { PageClaims, PopupServices } from '../../../entrypoints/popup/services';
import type { ClaimRecord } from '../../../utils/db/types';
import type { ReviewUpdate } from '../../../utils/messaging/protocol';
import { createDraftStore, type DraftStorage } from '../../../utils/popup/note-drafts';
import { record, seedClaims } from '../../components/fixtures';

export const PAGE = { url: 'http://127.0.0.1/seed-article.html', title: 'A Desperate ISIS Might Be Looking To Form An Alliance With Al-Qaida', site: '127.0.0.1' };

export function memoryArea(): DraftStorage {
  const items: Record<string, unknown> = {};
  return {
    get: async () => structuredClone(items),
    set: async (values) => void Object.assign(items, structuredClone(values)),
    remove: async (keys) => {
      for (const key of Array.isArray(keys) ? keys : [keys]) delete items[key];
    },
  };
}

export interface FakeOptions {
  data?: Partial<PageClaims>;
  url?: string;
  stored?: ClaimRecord[];
  area?: DraftStorage;
}

/** A popup backend held in memory: reviews are applied to `stored` like the background would. */
export function fakeServices({ data = {}, url = PAGE.url, stored = [], area = memoryArea() }: FakeOptions = {}) {
  const page: PageClaims = { page: PAGE, kind: 'article', claims: seedClaims(), orphans: [], ...data };
  const db = new Map(stored.map((r) => [r.id, r]));
  let clock = 10;
  // What a read of the database returns; the watch delivers one read, as the live query's first answer.
  const readStored = vi.fn(async (): Promise<ClaimRecord[]> => [...db.values()]);
  const services = {
    targetTab: vi.fn(async () => ({ id: 7, url })),
    getClaims: vi.fn(async () => page),
    showClaim: vi.fn(async () => true),
    trackSelection: vi.fn(async () => null),
    reloadTab: vi.fn(async () => {}),
    watchStoredClaims: vi.fn((_pageUrl: string, observer: Observer<ClaimRecord[]>) => {
      let stopped = false;
      readStored().then(
        (records) => stopped || observer.next(records),
        (error: unknown) => stopped || observer.error(error),
      );
      return () => {
        stopped = true;
      };
    }),
    review: vi.fn(async (update: ReviewUpdate) => {
      const claim = page.claims.find((c) => c.snapshot.detectorId === update.claim.detectorId);
      if (!claim) throw new Error('unknown claim');
      const base = db.get(claim.claimId) ?? record(claim);
      const next = { ...base, status: update.status ?? base.status, note: update.note ?? base.note, updatedAt: ++clock };
      db.set(next.id, next);
      return next;
    }),
    dismiss: vi.fn(async ({ claim: snapshot }: { claim: { detectorId: string } }) => {
      const claim = page.claims.find((c) => c.snapshot.detectorId === snapshot.detectorId);
      if (!claim) throw new Error('unknown claim');
      const next = { ...(db.get(claim.claimId) ?? record(claim)), dismissed: true, updatedAt: ++clock };
      db.set(next.id, next);
      return next;
    }),
    drafts: createDraftStore(area),
    siteHighlighting: { get: vi.fn(async () => true), set: vi.fn(async () => {}) },
    exportPage: vi.fn<PopupServices['exportPage']>(async () => {}),
    openLibrary: vi.fn(async () => {}),
  } satisfies PopupServices;
  return { services, page, db, readStored };
}
