/**
 * How claims are laid out in records since schema v5 (see SCHEMA_V5 for why): pure functions from
 * pages' claim groups to `claimChunks` records and back. Two kinds of record, told apart by key:
 *
 * - packed (`p:<url>`): the whole groups of one or more pages, in URL order. Packed keys partition
 *   the URLs: a page is in the packed chunk with the greatest key at or before `p:<its url>`, so
 *   one reverse key lookup finds it, and a write re-packs only that chunk.
 * - slices (`s:<url>\0<n>`): a page's records of its own, CHUNK_CLAIMS claims each: any page written
 *   other than in bulk (see ClaimStore), and any page with more claims than one record holds, so a
 *   review on a 5,000-claim live blog rewrites one slice, not 5,000 claims.
 *
 * A page's slices, when it has any, are what it holds; a packed copy of it is then stale (left until
 * its packed record is re-packed). Every claim keeps its pageUrl, and every history entry sits in
 * the record of its claim.
 */
import { groupByPage, type ClaimGroup } from './claim-group';
import type { ClaimRecord, ReviewRecord } from './types';

export interface ClaimChunk {
  key: string;
  claims: ClaimRecord[];
  reviews: ReviewRecord[];
}

/**
 * Claims per record. At ~800 bytes a claim, a full record is ~100 kB: Chromium stores a value over
 * 64 kB as a blob file beside its LevelDB, which measured 5–7 times cheaper to write per byte than the
 * same claims as 10-claim records inside LevelDB; and a record this size still reads in ~1 ms.
 */
export const CHUNK_CLAIMS = 128;

const PACKED = 'p:';
const SLICE = 's:';

export function packedKey(pageUrl: string): string {
  return PACKED + pageUrl;
}

/** The packed keys a page's chunk can have: from the first packed key up to the page's own. */
export function packedKeysUpTo(pageUrl: string): [string, string] {
  return [PACKED, packedKey(pageUrl)];
}

export function isPackedKey(key: string): boolean {
  return key.startsWith(PACKED);
}

function sliceKey(pageUrl: string, index: number): string {
  // Normalized URLs are percent-encoded, so \0 never occurs in one: a page's slices sort together, after its URL.
  return `${SLICE}${pageUrl}\u0000${String(index).padStart(5, '0')}`;
}

/** The key range [lower, upper) of a page's slices. */
export function sliceKeyRange(pageUrl: string): [string, string] {
  return [`${SLICE}${pageUrl}\u0000`, `${SLICE}${pageUrl}\u0001`];
}

/** The page a slice key belongs to, or undefined for a packed key. */
export function pageOfSlice(key: string): string | undefined {
  return key.startsWith(SLICE) ? key.slice(SLICE.length, key.lastIndexOf('\u0000')) : undefined;
}

/** The greatest of the sorted `keys` at or before `key`, or undefined. */
export function floorKey(keys: readonly string[], key: string): string | undefined {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? keys[lo - 1] : undefined;
}

/** Too many claims for one record: the page is sliced even in a bulk write. */
export function needsSlices(group: ClaimGroup): boolean {
  return group.claims.length > CHUNK_CLAIMS;
}

function chunkOf(key: string, groups: readonly ClaimGroup[]): ClaimChunk {
  return { key, claims: groups.flatMap((g) => g.claims), reviews: groups.flatMap((g) => g.reviews) };
}

/**
 * Packs whole groups (each at most CHUNK_CLAIMS claims) into as few records as fit, filled evenly,
 * in URL order. The first record gets `firstKey` (the key of the chunk being re-packed), each
 * other one the packed key of its first page, so the keys still partition the URLs.
 */
export function packGroups(groups: readonly ClaimGroup[], firstKey?: string): ClaimChunk[] {
  const sorted = [...groups].sort((a, b) => (a.pageUrl < b.pageUrl ? -1 : a.pageUrl > b.pageUrl ? 1 : 0));
  const total = sorted.reduce((n, g) => n + g.claims.length, 0);
  // Even pieces: one claim too many for a full chunk splits it in halves, not into a full one and a crumb.
  const target = total / Math.max(1, Math.ceil(total / CHUNK_CLAIMS));
  const chunks: ClaimChunk[] = [];
  let piece: ClaimGroup[] = [];
  let count = 0;
  const flush = () => {
    chunks.push(chunkOf(chunks.length === 0 && firstKey !== undefined ? firstKey : packedKey(piece[0]!.pageUrl), piece));
    piece = [];
    count = 0;
  };
  for (const group of sorted) {
    if (piece.length > 0 && (count >= target || count + group.claims.length > CHUNK_CLAIMS)) flush();
    piece.push(group);
    count += group.claims.length;
  }
  if (piece.length > 0) flush();
  return chunks;
}

/** A big page's records: its claims in order, CHUNK_CLAIMS to a slice, each with the history of its claims. */
export function sliceGroup(group: ClaimGroup): ClaimChunk[] {
  const slices: ClaimChunk[] = [];
  const sliceOf = new Map<string, ClaimChunk>();
  for (let from = 0; from < group.claims.length; from += CHUNK_CLAIMS) {
    const slice: ClaimChunk = { key: sliceKey(group.pageUrl, slices.length), claims: group.claims.slice(from, from + CHUNK_CLAIMS), reviews: [] };
    for (const claim of slice.claims) sliceOf.set(claim.id, slice);
    slices.push(slice);
  }
  for (const review of group.reviews) sliceOf.get(review.claimId)?.reviews.push(review);
  return slices;
}

/** The pages a packed chunk holds, in its order. */
export function groupsIn(chunk: ClaimChunk): ClaimGroup[] {
  return groupByPage(chunk.claims, chunk.reviews);
}

/** A sliced page's group, from its slices in key order. */
export function groupOfSlices(pageUrl: string, slices: readonly ClaimChunk[]): ClaimGroup {
  return { pageUrl, claims: slices.flatMap((s) => s.claims), reviews: slices.flatMap((s) => s.reviews) };
}

/** The records for these groups written from scratch (an upgrade, an import into an empty library). */
export function chunksFor(groups: readonly ClaimGroup[]): ClaimChunk[] {
  const small = groups.filter((g) => g.claims.length > 0 && !needsSlices(g));
  return [...packGroups(small), ...groups.filter(needsSlices).flatMap(sliceGroup)];
}

/** Same key and the very same claim and history objects: nothing to write. */
export function sameChunk(a: ClaimChunk | undefined, b: ClaimChunk): boolean {
  return (
    a !== undefined &&
    a.key === b.key &&
    a.claims.length === b.claims.length &&
    a.reviews.length === b.reviews.length &&
    a.claims.every((c, i) => c === b.claims[i]) &&
    a.reviews.every((r, i) => r === b.reviews[i])
  );
}
