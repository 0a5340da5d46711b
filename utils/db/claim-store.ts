/**
 * Pages' claim groups read from and written to the `claimChunks` records (layout: claim-chunks.ts),
 * inside the caller's transaction. Operations work on whole ClaimGroups; this class finds the
 * records a page is in, and on a write re-packs or re-slices only the records that change.
 */
import type { Table } from 'dexie';
import { type ClaimGroup } from './claim-group';
import {
  floorKey,
  groupOfSlices,
  groupsIn,
  isPackedKey,
  needsSlices,
  packedKeysUpTo,
  packGroups,
  pageOfSlice,
  sameChunk,
  sliceGroup,
  sliceKeyRange,
  type ClaimChunk,
} from './claim-chunks';
import { updateDirectory, type DirectoryTable } from './directory';

export type ClaimChunkTable = Table<ClaimChunk, string>;

/** A page's claims and history as a write leaves them (undefined or no claims: the page has none). */
export interface GroupWrite {
  pageUrl: string;
  after: ClaimGroup | undefined;
}

/** Up to this many pages are looked up one query pair each; more read the key list once. */
const FEW_PAGES = 8;

const byUrl = (a: ClaimGroup, b: ClaimGroup) => (a.pageUrl < b.pageUrl ? -1 : a.pageUrl > b.pageUrl ? 1 : 0);

/** Use one per transaction: what it read stays valid only inside it. */
export class ClaimStore {
  readonly #chunks: ClaimChunkTable;
  readonly #directory: DirectoryTable;
  /** Packed chunks read, by key: the groups each holds, by page, in URL order. */
  readonly #packed = new Map<string, Map<string, ClaimGroup>>();
  /** Each page looked up: the key of the packed chunk its URL falls in, null when before every one. */
  readonly #floor = new Map<string, string | null>();
  /** Each page looked up: its slices, in order (empty when it is packed or absent). */
  readonly #slices = new Map<string, ClaimChunk[]>();

  constructor(tables: { claimChunks: ClaimChunkTable; directory: DirectoryTable }) {
    this.#chunks = tables.claimChunks;
    this.#directory = tables.directory;
  }

  #addPacked(chunk: ClaimChunk): void {
    if (!this.#packed.has(chunk.key)) this.#packed.set(chunk.key, new Map(groupsIn(chunk).map((g) => [g.pageUrl, g])));
  }

  async #loadOne(pageUrl: string): Promise<void> {
    const [floor, slices] = await Promise.all([
      this.#chunks.where('key').between(...packedKeysUpTo(pageUrl), true, true).reverse().first(),
      this.#chunks.where('key').between(...sliceKeyRange(pageUrl), true, false).toArray(),
    ]);
    if (floor) this.#addPacked(floor);
    this.#floor.set(pageUrl, floor?.key ?? null);
    this.#slices.set(pageUrl, slices);
  }

  /**
   * Many pages (an import, a bulk edit): all keys in one request, each page's records worked out
   * from them, then the records wanted in one more (all of them at once when that is most).
   */
  async #loadMany(pageUrls: readonly string[]): Promise<void> {
    const keys = (await this.#chunks.toCollection().primaryKeys()).sort();
    const packed = keys.filter(isPackedKey);
    const slicesOf = new Map<string, string[]>();
    for (const key of keys) {
      const page = pageOfSlice(key);
      if (page !== undefined) slicesOf.set(page, [...(slicesOf.get(page) ?? []), key]);
    }
    const wanted = new Set<string>();
    for (const pageUrl of pageUrls) {
      const floor = floorKey(packed, packedKeysUpTo(pageUrl)[1]);
      if (floor !== undefined) wanted.add(floor);
      for (const key of slicesOf.get(pageUrl) ?? []) wanted.add(key);
    }
    const read = wanted.size * 4 < keys.length ? await this.#chunks.bulkGet([...wanted]) : (await this.#chunks.toArray()).filter((c) => wanted.has(c.key));
    const byKey = new Map(read.filter((c): c is ClaimChunk => c !== undefined).map((c) => [c.key, c]));
    for (const chunk of byKey.values()) if (isPackedKey(chunk.key)) this.#addPacked(chunk);
    for (const pageUrl of pageUrls) {
      this.#floor.set(pageUrl, floorKey(packed, packedKeysUpTo(pageUrl)[1]) ?? null);
      this.#slices.set(pageUrl, (slicesOf.get(pageUrl) ?? []).flatMap((key) => byKey.get(key) ?? []));
    }
  }

  #group(pageUrl: string): ClaimGroup | undefined {
    const slices = this.#slices.get(pageUrl) ?? [];
    if (slices.length > 0) return groupOfSlices(pageUrl, slices);
    const floor = this.#floor.get(pageUrl);
    return floor == null ? undefined : this.#packed.get(floor)?.get(pageUrl);
  }

  /** The stored groups of these pages, in their order (undefined: no claims stored there). */
  async groups(pageUrls: Iterable<string>): Promise<(ClaimGroup | undefined)[]> {
    const wanted = [...pageUrls];
    const missing = [...new Set(wanted.filter((url) => !this.#floor.has(url)))];
    if (missing.length > FEW_PAGES) await this.#loadMany(missing);
    else await Promise.all(missing.map((url) => this.#loadOne(url)));
    return wanted.map((url) => this.#group(url));
  }

  /** Every stored group, in URL order. */
  async all(): Promise<ClaimGroup[]> {
    const chunks = await this.#chunks.toArray();
    const sliced = new Map<string, ClaimChunk[]>();
    const groups: ClaimGroup[] = [];
    for (const chunk of chunks) {
      const page = pageOfSlice(chunk.key);
      if (page === undefined) groups.push(...groupsIn(chunk));
      else sliced.set(page, [...(sliced.get(page) ?? []), chunk]);
    }
    for (const [page, slices] of sliced) groups.push(groupOfSlices(page, slices));
    return groups.sort(byUrl);
  }

  /**
   * Stores each page's new group (the pages are read first if they were not): records whose
   * contents did not change are left alone, a packed chunk that grows past a record is split, and
   * the directory follows. Reads after this go to the database again.
   */
  async write(writes: readonly GroupWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const latest = new Map(writes.map((w) => [w.pageUrl, w.after && w.after.claims.length > 0 ? w.after : undefined]));
    const pageUrls = [...latest.keys()];
    const before = await this.groups(pageUrls);
    // Packed chunks being re-packed, by key (null: pages before every packed chunk, in a new one).
    const working = new Map<string | null, Map<string, ClaimGroup>>();
    const repack = (key: string | null) => {
      let pages = working.get(key);
      if (!pages) working.set(key, (pages = new Map(key === null ? [] : this.#packed.get(key))));
      return pages;
    };
    const puts: ClaimChunk[] = [];
    const deletes: string[] = [];
    for (const [pageUrl, after] of latest) {
      const floor = this.#floor.get(pageUrl) ?? null;
      const slices = this.#slices.get(pageUrl) ?? [];
      if (floor !== null && this.#packed.get(floor)?.has(pageUrl)) repack(floor).delete(pageUrl);
      if (after && needsSlices(after)) {
        const next = sliceGroup(after);
        for (const [i, slice] of next.entries()) if (!sameChunk(slices[i], slice)) puts.push(slice);
        deletes.push(...slices.slice(next.length).map((s) => s.key));
        continue;
      }
      deletes.push(...slices.map((s) => s.key));
      if (after) repack(floor).set(pageUrl, after);
    }
    for (const [key, pages] of working) {
      if (pages.size > 0) puts.push(...packGroups([...pages.values()], key ?? undefined));
      else if (key !== null) deletes.push(key);
    }
    await this.#chunks.bulkDelete(deletes);
    await this.#chunks.bulkPut(puts);
    await updateDirectory(this.#directory, pageUrls.map((pageUrl, i) => ({ pageUrl, before: before[i], after: latest.get(pageUrl) })));
    this.#packed.clear();
    this.#floor.clear();
    this.#slices.clear();
  }
}
