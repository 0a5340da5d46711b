/**
 * The storage benchmark's measurements, written once and run in two places: inside real Chromium
 * (bundled by scripts/bench-storage.ts) and in Node over fake-indexeddb (--node).
 * A library of N claims over N/10 pages, a third reviewed with history, like a heavy user's.
 */
import { describe as describeSelectors } from '../../utils/anchoring';
import type { ClaimTrailDb } from '../../utils/db/database';
import { claimFingerprint, claimId } from '../../utils/db/fingerprint';
import { ClaimGroupEdits, groupByPage } from '../../utils/db/claim-group';
import { claimFromSnapshot, openPage, restoreClaims, reviewClaim, storedClaims } from '../../utils/db/operations';
import { ClaimStore } from '../../utils/db/claim-store';
import type { ClaimRecord, PageRecord, ReviewRecord } from '../../utils/db/types';
import type { ClaimSnapshot } from '../../utils/messaging/protocol';
import { median, percentile } from './timing';

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

export interface StorageBenchResult {
  claims: number;
  pages: number;
  populateMs: number;
  /** db.open() of an existing database in a running context (close + reopen). */
  openMs: Timing;
  /**
   * db.open() after every connection has been closed for a few seconds, when the browser has let go
   * of the origin's backing store: what a service worker waking after idle pays.
   */
  idleOpenMs: Timing;
  /** One page's stored claims by the pageUrl index (what the popup and content script load). */
  loadPageMs: Timing;
  /** A whole visit: page upsert + stored claims + earlier-verdict lookup for 10 detections. */
  openPageMs: Timing;
  /** reviewClaim: claim update + history append, one transaction. */
  reviewMs: Timing;
  /**
   * One page holding CROWDED_PAGE claims (a live blog with remember-all on): loading it reads all its
   * records; a review rewrites the one slice (CHUNK_CLAIMS claims) holding the claim (schema v5).
   */
  crowdedPage: { claims: number; loadMs: Timing; reviewMs: Timing };
  /** navigator.storage.estimate().usage where available. */
  usageBytes: number | null;
}

export const CROWDED_PAGE = 5000;

const WORDS = (
  'government minister said officials economy percent year talks security forces election report ' +
  'statement agency spokesman according budget crisis oil prices border police court decision plan ' +
  'vote support opposition leaders parliament military region health workers data rose fell expected'
).split(' ');

/** Deterministic PRNG (mulberry32) so every run measures the same library. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

export const pageUrlOf = (i: number) => `https://www.news${i % 200}.example.com/2026/11/${i}/story-${i}`;
export const speakerOf = (i: number) => `Speaker ${i % 2000}`;

function timing(samples: number[]): Timing {
  return { median: median(samples), p95: percentile(samples, 0.95), runs: samples.length };
}

async function timeEach(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

function makeSnapshot(random: () => number, detectorId: string, speaker: string): ClaimSnapshot {
  const article = sentence(random, 60);
  const start = 60 + Math.floor(random() * 100);
  const end = Math.min(article.length, start + 80 + Math.floor(random() * 120));
  return {
    detectorId,
    kind: random() < 0.4 ? 'direct' : 'indirect',
    speaker: { name: speaker, role: 'minister', type: 'person' },
    cue: 'said',
    text: article.slice(start, end),
    selectors: describeSelectors(article, start, end),
    confidence: 0.8,
    manual: false,
  };
}

/** Fills `db` with `claims` claims over claims/10 pages, in bulk transactions of a thousand pages. */
export async function populate(db: ClaimTrailDb, claims: number): Promise<{ pages: number }> {
  const random = rng(claims);
  const pages = Math.max(1, Math.floor(claims / 10));
  const now = Date.UTC(2026, 10, 26);
  const claimRows: ClaimRecord[] = [];
  const reviewRows: ReviewRecord[] = [];
  const pageRows: PageRecord[] = [];
  for (let i = 0; i < claims; i++) {
    const p = i % pages;
    const pageUrl = pageUrlOf(p);
    if (i < pages) {
      pageRows.push({ url: pageUrl, title: sentence(random, 8), site: new URL(pageUrl).hostname.slice(4), firstSeen: now - i, lastSeen: now - i });
    }
    const snap = makeSnapshot(random, `d${i}`, speakerOf(i));
    const roll = random();
    const status = roll < 0.25 ? 'verified' : roll < 0.35 ? 'disputed' : 'unreviewed';
    const at = now - i * 1000;
    const id = claimId(pageUrl, snap.detectorId);
    claimRows.push({
      id, pageUrl, site: new URL(pageUrl).hostname.slice(4), speaker: snap.speaker, cue: snap.cue, kind: snap.kind,
      text: snap.text, selectors: snap.selectors, status, note: status === 'unreviewed' ? '' : sentence(random, 12),
      fingerprint: claimFingerprint(snap.speaker?.name, snap.text), createdAt: at, updatedAt: at,
      ...(status !== 'unreviewed' && { reviewedAt: at }), anchor: 'anchored', manual: false, dismissed: false,
    });
    if (status !== 'unreviewed') {
      reviewRows.push({ claimId: id, at, from: { status: 'unreviewed', note: '' }, to: { status, note: '' } });
    }
  }
  const groups = groupByPage(claimRows, reviewRows);
  const CHUNK = 1000;
  for (let from = 0; from < Math.max(pageRows.length, groups.length); from += CHUNK) {
    await db.transaction('rw', db.pages, db.claimChunks, db.directory, async () => {
      await db.pages.bulkAdd(pageRows.slice(from, from + CHUNK));
      const edits = new ClaimGroupEdits([]);
      for (const group of groups.slice(from, from + CHUNK)) {
        for (const claim of group.claims) edits.putClaim(claim);
        for (const review of group.reviews) edits.addReview(review);
      }
      await new ClaimStore(db).write(edits.changes());
    });
  }
  return { pages };
}

async function usage(): Promise<number | null> {
  const storageManager = (globalThis as { navigator?: Navigator }).navigator?.storage;
  if (!storageManager?.estimate) return null;
  return (await storageManager.estimate()).usage ?? null;
}

const benchDbName = (claims: number) => `claimtrail-bench-${claims}`;

/** Chromium closes an origin's IndexedDB backing store about 2 s after its last connection closes. */
const IDLE_CLOSE_WAIT_MS = 5000;

/** Creates the benchmark library from scratch; returns the number of pages and the time taken. */
export async function populateBench(
  createDb: (name: string) => ClaimTrailDb,
  claims: number,
): Promise<{ pages: number; populateMs: number }> {
  const name = benchDbName(claims);
  await createDb(name).delete();
  const db = createDb(name);
  const t0 = performance.now();
  const { pages } = await populate(db, claims);
  const populateMs = performance.now() - t0;
  db.close();
  return { pages, populateMs };
}

/** Measures reads and writes on an already populated library. */
export async function measureBench(
  createDb: (name: string) => ClaimTrailDb,
  claims: number,
  runs = 40,
): Promise<Omit<StorageBenchResult, 'claims' | 'pages' | 'populateMs'>> {
  const name = benchDbName(claims);
  const pages = Math.max(1, Math.floor(claims / 10));
  const openSamples = await timeEach(Math.min(runs, 10), async () => {
    const fresh = createDb(name);
    await fresh.open();
    fresh.close();
  });
  const idleOpenSamples: number[] = [];
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, IDLE_CLOSE_WAIT_MS));
    idleOpenSamples.push(...(await timeEach(1, () => createDb(name).open().then((fresh) => fresh.close()))));
  }
  const db = createDb(name);
  await db.open();

  const random = rng(7);
  const pick = () => Math.floor(random() * pages);
  await storedClaims(db, pageUrlOf(0)); // first query warms Dexie's schema cache, as any real session does
  const loadSamples = await timeEach(runs, () => storedClaims(db, pageUrlOf(pick())));
  const openPageSamples = await timeEach(runs, (i) => {
    const p = pick();
    const snaps = Array.from({ length: 10 }, (_, k) => makeSnapshot(random, `visit-${i}-${k}`, speakerOf(k)));
    return openPage(db, { href: pageUrlOf(p), title: 'Revisited' }, snaps, { rememberAll: false });
  });
  const reviewSamples = await timeEach(runs, (i) => {
    const p = pick();
    return reviewClaim(db, {
      pageUrl: pageUrlOf(p),
      claim: makeSnapshot(random, `d${p}`, speakerOf(p)),
      status: i % 2 ? 'verified' : 'disputed',
      note: `bench note ${i}`,
    });
  });
  const crowdedUrl = 'https://www.crowded.example.com/live/blog';
  const crowded = Array.from({ length: CROWDED_PAGE }, (_, i) => makeSnapshot(random, `crowd-${i}`, speakerOf(i)));
  await restoreClaims(db, crowded.map((snap, i) => ({ ...claimFromSnapshot(crowdedUrl, snap, Date.UTC(2026, 10, 26) + i), status: i % 3 ? 'unreviewed' : 'verified' })));
  const crowdedLoadSamples = await timeEach(Math.min(runs, 20), () => storedClaims(db, crowdedUrl));
  const crowdedReviewSamples = await timeEach(Math.min(runs, 20), (i) =>
    reviewClaim(db, { pageUrl: crowdedUrl, claim: crowded[Math.floor(random() * CROWDED_PAGE)]!, status: i % 2 ? 'verified' : 'disputed', note: `bench note ${i}` }),
  );
  const usageBytes = await usage();
  db.close();
  return {
    crowdedPage: { claims: CROWDED_PAGE, loadMs: timing(crowdedLoadSamples), reviewMs: timing(crowdedReviewSamples) },
    openMs: timing(openSamples),
    idleOpenMs: timing(idleOpenSamples),
    loadPageMs: timing(loadSamples),
    openPageMs: timing(openPageSamples),
    reviewMs: timing(reviewSamples),
    usageBytes,
  };
}

/** Both phases in one context (the --node run, where there is no browser to restart). */
export async function runStorageBench(
  createDb: (name: string) => ClaimTrailDb,
  claims: number,
): Promise<StorageBenchResult> {
  const populated = await populateBench(createDb, claims);
  return { claims, ...populated, ...(await measureBench(createDb, claims)) };
}

function rawOpen(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

/**
 * Opening the database in a freshly started browser, split into the storage engine's part (a bare
 * indexedDB.open) and Dexie's (schema check on the now warm engine), then the first page load.
 */
export async function coldOpen(
  createDb: (name: string) => ClaimTrailDb,
  claims: number,
): Promise<{ engineOpenMs: number; openMs: number; firstLoadMs: number }> {
  const t0 = performance.now();
  await rawOpen(benchDbName(claims));
  const t1 = performance.now();
  const db = createDb(benchDbName(claims));
  await db.open();
  const t2 = performance.now();
  await storedClaims(db, pageUrlOf(1));
  const t3 = performance.now();
  db.close();
  return { engineOpenMs: t1 - t0, openMs: t2 - t0, firstLoadMs: t3 - t2 };
}
