import { describe, expect, it } from 'vitest';
import {
  CHUNK_CLAIMS,
  chunksFor,
  floorKey,
  groupsIn,
  packedKey,
  packGroups,
  pageOfSlice,
  sameChunk,
  sliceGroup,
  sliceKeyRange,
} from '../../../utils/db/claim-chunks';
import { groupOf } from './helpers';

const url = (i: number) => `https://site.example/${String(i).padStart(4, '0')}`;

describe('packGroups', () => {
  it('fills records evenly, never past CHUNK_CLAIMS, keeps each page whole and in URL order', () => {
    const groups = Array.from({ length: 50 }, (_, i) => groupOf(url(49 - i), 1 + (i % 20)));
    const chunks = packGroups(groups);
    const total = groups.reduce((n, g) => n + g.claims.length, 0);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.claims.length).toBeLessThanOrEqual(CHUNK_CLAIMS);
    // Pages stay whole, so records are not all full, but none but the last is less than half so.
    for (const chunk of chunks.slice(0, -1)) expect(chunk.claims.length).toBeGreaterThanOrEqual(CHUNK_CLAIMS / 2);
    expect(chunks.reduce((n, c) => n + c.claims.length, 0)).toBe(total);
    // Each chunk's key is its first page's, so the keys partition the URLs.
    expect(chunks.map((c) => c.key)).toEqual(chunks.map((c) => packedKey(c.claims[0]!.pageUrl)));
    const pages = chunks.flatMap((c) => groupsIn(c).map((g) => g.pageUrl));
    expect(pages).toEqual(groups.map((g) => g.pageUrl).sort());
    expect(chunks.flatMap(groupsIn).sort((a, b) => a.pageUrl.localeCompare(b.pageUrl))).toEqual([...groups].sort((a, b) => a.pageUrl.localeCompare(b.pageUrl)));
  });

  it('one claim too many splits a full record in halves, the first keeping its key', () => {
    const groups = Array.from({ length: CHUNK_CLAIMS + 1 }, (_, i) => groupOf(url(i + 10), 1));
    const chunks = packGroups(groups, packedKey(url(3)));
    expect(chunks.map((c) => c.claims.length)).toEqual([Math.ceil((CHUNK_CLAIMS + 1) / 2), Math.floor((CHUNK_CLAIMS + 1) / 2)]);
    expect(chunks[0]!.key).toBe(packedKey(url(3)));
    expect(chunks[1]!.key).toBe(packedKey(chunks[1]!.claims[0]!.pageUrl));
  });
});

describe('sliceGroup', () => {
  it('cuts a big page into records of CHUNK_CLAIMS claims in order, each with its claims’ history', () => {
    const group = groupOf(url(1), CHUNK_CLAIMS * 2 + 5);
    const slices = sliceGroup(group);
    expect(slices.map((s) => s.claims.length)).toEqual([CHUNK_CLAIMS, CHUNK_CLAIMS, 5]);
    expect(slices.flatMap((s) => s.claims)).toEqual(group.claims);
    for (const slice of slices) {
      const ids = new Set(slice.claims.map((c) => c.id));
      expect(slice.reviews.every((r) => ids.has(r.claimId))).toBe(true);
      expect(pageOfSlice(slice.key)).toBe(url(1));
      const [lower, upper] = sliceKeyRange(url(1));
      expect(slice.key >= lower && slice.key < upper).toBe(true);
    }
    expect(slices.flatMap((s) => s.reviews)).toHaveLength(group.reviews.length);
    expect(slices.map((s) => s.key)).toEqual([...slices.map((s) => s.key)].sort());
  });

  it('a slice key never falls among another page’s, even one whose URL extends this one', () => {
    const [lower, upper] = sliceKeyRange('https://a.example/x');
    const longer = sliceGroup(groupOf('https://a.example/x0', CHUNK_CLAIMS + 1))[0]!.key;
    expect(longer >= lower && longer < upper).toBe(false);
    expect(pageOfSlice(packedKey('https://a.example/x'))).toBeUndefined();
  });
});

describe('chunksFor', () => {
  it('packs small pages and slices big ones; an empty group stores nothing', () => {
    const chunks = chunksFor([groupOf(url(1), 3), groupOf(url(2), CHUNK_CLAIMS + 1), groupOf(url(3), 0), groupOf(url(4), 4)]);
    expect(chunks.map((c) => [pageOfSlice(c.key) ?? c.key, c.claims.length])).toEqual([
      [packedKey(url(1)), 7],
      [url(2), CHUNK_CLAIMS],
      [url(2), 1],
    ]);
  });
});

describe('floorKey', () => {
  it('finds the greatest key at or before the one asked', () => {
    const keys = ['b', 'd', 'f'];
    expect(floorKey(keys, 'a')).toBeUndefined();
    expect(floorKey(keys, 'b')).toBe('b');
    expect(floorKey(keys, 'c')).toBe('b');
    expect(floorKey(keys, 'z')).toBe('f');
    expect(floorKey([], 'z')).toBeUndefined();
  });
});

describe('sameChunk', () => {
  it('is true only for the very same claims and history under the same key', () => {
    const [slice] = sliceGroup(groupOf(url(1), CHUNK_CLAIMS + 1));
    expect(sameChunk(slice, { ...slice!, claims: [...slice!.claims] })).toBe(true);
    expect(sameChunk(slice, { ...slice!, claims: slice!.claims.map((c, i) => (i === 5 ? { ...c } : c)) })).toBe(false);
    expect(sameChunk(slice, { ...slice!, reviews: slice!.reviews.slice(1) })).toBe(false);
    expect(sameChunk(undefined, slice!)).toBe(false);
  });
});
