/**
 * Pages' claim groups read from and written to the `claimChunks` records (layout: claim-chunks.ts),
 * inside the caller's transaction. Operations work on whole ClaimGroups; this class finds the
 * records a page is in, and writes only the records that change.
 *
 * Two ways to write. A bulk write (import, upgrade) packs pages into shared records: few large
 * records are what make 100,000 claims cheap to write and read back. Any other write (a review, a
 * visit, a delete) gives the page records of its own: a ~100 kB packed record costs a blob-file
 * read and write in Chromium, several ms more than a page's few kB. The page's own records shadow
 * its packed copy, which stays until its packed record is next re-packed in bulk or the page is
 * deleted (when it is removed, so it cannot come back).
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
  /** Each page looked up: its own records, in order (empty when it is only packed or absent). */
  readonly #slices = new Map<string, ClaimChunk[]>();
  /** Every page with records of its own, when the key list was read (a bulk write drops their packed copies). */
  #owning: Set<string> | undefined;

  constructor(tables: { claimChunks: ClaimChunkTable; directory: DirectoryTable }) {
    this.#chunks = tables.claimChunks;
    this.#directory = tables.directory;
  }

  #addPacked(chunk: ClaimChunk): void {
    if (!this.#packed.has(chunk.key)) this.#packed.set(chunk.key, new Map(groupsIn(chunk).map((g) => [g.pageUrl, g])));
  }

  /** The packed records among `keys` not read yet (#readPacked reads them, in one request). */
  #unreadPacked(keys: Iterable<string | null>): string[] {
    return [...new Set(keys)].filter((key): key is string => key !== null && !this.#packed.has(key));
  }

  async #readPacked(keys: string[]): Promise<void> {
    for (const chunk of await this.#chunks.bulkGet(keys)) if (chunk) this.#addPacked(chunk);
  }

  /** One page: its own records and the key of the packed record it falls in; that record is read only when needed. */
  async #loadOne(pageUrl: string): Promise<void> {
    const [floor, slices] = await Promise.all([
      this.#chunks.where('key').between(...packedKeysUpTo(pageUrl), true, true).reverse().limit(1).primaryKeys(),
      this.#chunks.where('key').between(...sliceKeyRange(pageUrl), true, false).toArray(),
    ]);
    const key = floor[0] ?? null;
    this.#floor.set(pageUrl, key);
    this.#slices.set(pageUrl, slices);
    const unread = slices.length === 0 ? this.#unreadPacked([key]) : [];
    if (unread.length > 0) await this.#readPacked(unread);
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
    this.#owning = new Set(slicesOf.keys());
    const wanted = new Set<string>();
    for (const pageUrl of pageUrls) {
      // The packed record too when the page has its own: a bulk write re-packs it without the stale copy.
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
    else if (missing.length > 0) await Promise.all(missing.map((url) => this.#loadOne(url)));
    return wanted.map((url) => this.#group(url));
  }

  /** Every stored group, in URL order. */
  async all(): Promise<ClaimGroup[]> {
    const chunks = await this.#chunks.toArray();
    const sliced = new Map<string, ClaimChunk[]>();
    const packed: ClaimGroup[] = [];
    for (const chunk of chunks) {
      const page = pageOfSlice(chunk.key);
      if (page === undefined) packed.push(...groupsIn(chunk));
      else sliced.set(page, [...(sliced.get(page) ?? []), chunk]);
    }
    const groups = packed.filter((g) => !sliced.has(g.pageUrl));
    for (const [page, slices] of sliced) groups.push(groupOfSlices(page, slices));
    return groups.sort(byUrl);
  }

  /**
   * Stores each page's new group (the pages are read first if they were not), packed with its
   * neighbours when `bulk`, else in records of its own: records whose contents did not change are
   * left alone, a packed record that grows past CHUNK_CLAIMS is split, and the directory follows.
   * Reads after this go to the database again.
   */
  async write(writes: readonly GroupWrite[], { bulk = false }: { bulk?: boolean } = {}): Promise<void> {
    if (writes.length === 0) return;
    const latest = new Map(writes.map((w) => [w.pageUrl, w.after && w.after.claims.length > 0 ? w.after : undefined]));
    const pageUrls = [...latest.keys()];
    // A bulk write needs every page's packed record, and which pages own records: from the key list.
    if (bulk && !this.#owning) await this.#loadMany(pageUrls.filter((url) => !this.#floor.has(url)));
    const before = await this.groups(pageUrls);
    // The packed records a page leaves (every page of a bulk write; a deleted one): read before editing.
    const unread = this.#unreadPacked(pageUrls.filter((url) => bulk || !latest.get(url)).map((url) => this.#floor.get(url) ?? null));
    if (unread.length > 0) await this.#readPacked(unread);
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
      const unpack = () => {
        if (floor !== null && this.#packed.get(floor)?.has(pageUrl)) repack(floor).delete(pageUrl);
      };
      if (after && (!bulk || needsSlices(after))) {
        // Records of its own; a packed copy stays behind them unless this is a bulk write.
        if (bulk) unpack();
        const next = sliceGroup(after);
        for (const [i, slice] of next.entries()) if (!sameChunk(slices[i], slice)) puts.push(slice);
        deletes.push(...slices.slice(next.length).map((s) => s.key));
        continue;
      }
      deletes.push(...slices.map((s) => s.key));
      // Packed (bulk), or gone: either way out of its packed record, so an old copy cannot come back.
      unpack();
      if (after) repack(floor).set(pageUrl, after);
    }
    for (const [key, pages] of working) {
      // Copies shadowed by a page's own records go when their record is re-packed in bulk.
      const kept = [...pages.values()].filter((g) => !this.#owning?.has(g.pageUrl) || latest.has(g.pageUrl));
      if (kept.length > 0) puts.push(...packGroups(kept, key ?? undefined));
      else if (key !== null) deletes.push(key);
    }
    if (deletes.length > 0) await this.#chunks.bulkDelete(deletes);
    if (puts.length > 0) await this.#chunks.bulkPut(puts);
    await updateDirectory(this.#directory, pageUrls.map((pageUrl, i) => ({ pageUrl, before: before[i], after: latest.get(pageUrl) })));
    this.#packed.clear();
    this.#floor.clear();
    this.#slices.clear();
    this.#owning = undefined;
  }
}
