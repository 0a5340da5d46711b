/**
 * Where claims are stored, for the two lookups that cross pages: the page of a claim id (the library
 * and the background address claims by id alone) and the pages holding a verdict with a given
 * fingerprint ("You marked this verified on <site>"). Kept in buckets, each a Map from key to page
 * URLs, rather than as multiEntry indexes over the claim groups: in Chromium every index entry costs
 * about 30 µs of browser CPU, and an import of 100,000 claims made ~170,000 of them (5 s or more);
 * the same directory is at most 2,048 records.
 */
import type { Table } from 'dexie';
import { hasVerdict, type ClaimGroup } from './claim-group';
import { hash32 } from './fingerprint';

export type DirectoryKind = 'id' | 'fp';
/** Key (a claim id or fingerprint) → the pages it is on. */
export type DirectoryBucket = Map<string, string[]>;
export type DirectoryTable = Table<DirectoryBucket, string>;

/** Per kind. At 100,000 claims a bucket holds about a hundred keys: a few kB read and rewritten per change. */
const BUCKETS = 1024;

const BUCKET_IDS = { id: bucketIds('id'), fp: bucketIds('fp') };

function bucketIds(kind: DirectoryKind): string[] {
  return Array.from({ length: BUCKETS }, (_, i) => `${kind}:${i}`);
}

export function bucketOf(kind: DirectoryKind, key: string): string {
  return BUCKET_IDS[kind][hash32(key) % BUCKETS]!;
}

/** The keys a stored group files under each kind. */
function keysOf(group: ClaimGroup | undefined, kind: DirectoryKind): Set<string> {
  if (!group) return new Set();
  return new Set(kind === 'id' ? group.claims.map((c) => c.id) : group.claims.filter(hasVerdict).map((c) => c.fingerprint));
}

/** A page's claims as stored before a write and as the write leaves them (undefined: no record). */
export interface GroupChange {
  pageUrl: string;
  before: ClaimGroup | undefined;
  after: ClaimGroup | undefined;
}

/**
 * The stored buckets among `ids`. A write touching many buckets (an import files 100,000 claims in
 * all 2,048) asks for the stored keys first: one request instead of a get per bucket, and none of
 * the gets when the directory is empty.
 */
async function storedBuckets(table: DirectoryTable, ids: readonly string[]): Promise<[string, DirectoryBucket][]> {
  let wanted = ids;
  if (ids.length > 16) {
    const keys = await table.toCollection().primaryKeys();
    const stored = new Set(keys);
    wanted = ids.filter((id) => stored.has(id));
    if (wanted.length * 4 > keys.length) {
      // Most of the directory: one getAll (values come in key order) instead of a get each.
      const all = await table.toArray();
      const want = new Set(wanted);
      return keys.flatMap((id, i) => (want.has(id) && all[i] ? [[id, all[i]] as [string, DirectoryBucket]] : []));
    }
  }
  const found = await table.bulkGet([...wanted]);
  return wanted.flatMap((id, i) => {
    const bucket = found[i];
    return bucket ? [[id, bucket] as [string, DirectoryBucket]] : [];
  });
}

/**
 * Brings the directory in line with `changes`, reading and rewriting only the buckets they touch.
 * An import files ~170,000 keys here, so each key costs one hash and one Map update, no more.
 */
export async function updateDirectory(table: DirectoryTable, changes: readonly GroupChange[]): Promise<void> {
  // Per touched bucket: key → [page, added?] edits, in order.
  const edits = new Map<string, { key: string; pageUrl: string; add: boolean }[]>();
  const edit = (kind: DirectoryKind, key: string, pageUrl: string, add: boolean) => {
    const id = bucketOf(kind, key);
    const list = edits.get(id);
    if (list) list.push({ key, pageUrl, add });
    else edits.set(id, [{ key, pageUrl, add }]);
  };
  for (const { pageUrl, before, after } of changes) {
    for (const kind of ['id', 'fp'] as const) {
      const old = keysOf(before, kind);
      const now = keysOf(after, kind);
      for (const key of old) if (!now.has(key)) edit(kind, key, pageUrl, false);
      for (const key of now) if (!old.has(key)) edit(kind, key, pageUrl, true);
    }
  }
  if (edits.size === 0) return;
  const ids = [...edits.keys()];
  const stored = new Map(await storedBuckets(table, ids));
  const kept: string[] = [];
  const values: DirectoryBucket[] = [];
  const emptied: string[] = [];
  for (const [id, list] of edits) {
    const bucket = stored.get(id) ?? new Map<string, string[]>();
    for (const { key, pageUrl, add } of list) {
      const pages = bucket.get(key);
      if (add) {
        if (!pages) bucket.set(key, [pageUrl]);
        else if (!pages.includes(pageUrl)) bucket.set(key, [...pages, pageUrl]);
      } else if (pages) {
        const next = pages.filter((p) => p !== pageUrl);
        if (next.length > 0) bucket.set(key, next);
        else bucket.delete(key);
      }
    }
    if (bucket.size > 0) {
      kept.push(id);
      values.push(bucket);
    } else if (stored.has(id)) emptied.push(id);
  }
  if (kept.length > 0) await table.bulkPut(values, kept);
  if (emptied.length > 0) await table.bulkDelete(emptied);
}

/** The pages that hold any of `keys`, in one read. */
export async function pagesWith(table: DirectoryTable, kind: DirectoryKind, keys: Iterable<string>): Promise<string[]> {
  const wanted = [...new Set(keys)].map((key) => ({ key, bucket: bucketOf(kind, key) }));
  if (wanted.length === 0) return [];
  const ids = [...new Set(wanted.map((w) => w.bucket))];
  const stored = await table.bulkGet(ids);
  const buckets = new Map(ids.map((id, i) => [id, stored[i]]));
  const pages = new Set<string>();
  for (const { key, bucket } of wanted) for (const page of buckets.get(bucket)?.get(key) ?? []) pages.add(page);
  return [...pages];
}
