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
import { hash64 } from './fingerprint';

export type DirectoryKind = 'id' | 'fp';
/** Key (a claim id or fingerprint) → the pages it is on. */
export type DirectoryBucket = Map<string, string[]>;
export type DirectoryTable = Table<DirectoryBucket, string>;

/** Per kind. At 100,000 claims a bucket holds about a hundred keys: a few kB read and rewritten per change. */
const BUCKETS = 1024;

export function bucketOf(kind: DirectoryKind, key: string): string {
  return `${kind}:${parseInt(hash64(key).slice(0, 8), 16) % BUCKETS}`;
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

interface Edit {
  bucket: string;
  key: string;
  pageUrl: string;
  add: boolean;
}

/** Brings the directory in line with `changes`, reading and rewriting only the buckets they touch. */
export async function updateDirectory(table: DirectoryTable, changes: readonly GroupChange[]): Promise<void> {
  const edits: Edit[] = [];
  for (const { pageUrl, before, after } of changes) {
    for (const kind of ['id', 'fp'] as const) {
      const old = keysOf(before, kind);
      const now = keysOf(after, kind);
      for (const key of old) if (!now.has(key)) edits.push({ bucket: bucketOf(kind, key), key, pageUrl, add: false });
      for (const key of now) if (!old.has(key)) edits.push({ bucket: bucketOf(kind, key), key, pageUrl, add: true });
    }
  }
  if (edits.length === 0) return;
  const ids = [...new Set(edits.map((e) => e.bucket))];
  const stored = await table.bulkGet(ids);
  const buckets = new Map(ids.map((id, i) => [id, stored[i] ?? new Map<string, string[]>()]));
  for (const { bucket: id, key, pageUrl, add } of edits) {
    const bucket = buckets.get(id);
    if (!bucket) continue;
    const pages = bucket.get(key) ?? [];
    const next = add ? (pages.includes(pageUrl) ? pages : [...pages, pageUrl]) : pages.filter((p) => p !== pageUrl);
    if (next.length > 0) bucket.set(key, next);
    else bucket.delete(key);
  }
  const kept = ids.filter((id) => (buckets.get(id)?.size ?? 0) > 0);
  await table.bulkPut(kept.map((id) => buckets.get(id) ?? new Map<string, string[]>()), kept);
  await table.bulkDelete(ids.filter((id) => (buckets.get(id)?.size ?? 0) === 0));
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
