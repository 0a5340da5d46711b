import { describe as describeSelectors } from '../../../utils/anchoring';
import { hasVerdict, type ClaimGroup } from '../../../utils/db/claim-group';
import type { ClaimTrailDb } from '../../../utils/db/database';
import { allGroups } from '../../../utils/db/operations';
import type { ClaimRecord, ReviewRecord } from '../../../utils/db/types';
import type { ClaimSnapshot, PageInfo } from '../../../utils/messaging/protocol';

export const ARTICLE =
  'BAGHDAD — Iraqi Vice President Ayad Allawi said on Monday that the unemployment rate rose by twelve percent last year. ' +
  '"The discussion has started," Allawi said.';

let dbCounter = 0;
/** A fresh database name per test, so tests never see each other's data. */
export const uniqueDbName = () => `claimtrail-test-${process.pid}-${++dbCounter}`;

export function page(overrides: Partial<PageInfo> = {}): PageInfo {
  return { href: 'https://www.example.com/news/iraq-talks?utm_source=x#top', title: 'Iraq talks begin', ...overrides };
}

export function snapshot(quote: string, overrides: Partial<ClaimSnapshot> = {}): ClaimSnapshot {
  const start = ARTICLE.indexOf(quote);
  if (start < 0) throw new Error(`not in article: ${quote}`);
  return {
    detectorId: `d-${start}`,
    kind: 'indirect',
    speaker: { name: 'Ayad Allawi', role: 'Iraqi Vice President', type: 'person' },
    cue: 'said',
    text: quote,
    selectors: describeSelectors(ARTICLE, start, start + quote.length),
    confidence: 0.9,
    manual: false,
    ...overrides,
  };
}

export const CLAIM_A = 'the unemployment rate rose by twelve percent last year';
export const CLAIM_B = 'The discussion has started,';

/** Every stored claim, read from the page groups (tests look at what storage holds as a whole). */
export async function everyClaim(db: ClaimTrailDb): Promise<ClaimRecord[]> {
  return (await allGroups(db)).flatMap((g) => g.claims);
}

/** Every stored history entry. */
export async function everyReview(db: ClaimTrailDb): Promise<ReviewRecord[]> {
  return (await allGroups(db)).flatMap((g) => g.reviews);
}

export async function claimById(db: ClaimTrailDb, id: string): Promise<ClaimRecord | undefined> {
  return (await everyClaim(db)).find((c) => c.id === id);
}

/**
 * Makes writes of claim records throw `error()` from inside the operation's transaction, as a full disk
 * or an abort would: every write, or only the `nth` (1-based) from now on.
 */
export function failGroupWrites(db: ClaimTrailDb, error: () => DOMException, nth?: number): void {
  let calls = 0;
  const fail = () => {
    calls++;
    if (nth === undefined || calls === nth) throw error();
  };
  db.claimChunks.hook('creating', fail);
  db.claimChunks.hook('updating', fail);
}

/**
 * The directory as it should be for what the claim groups hold, and as it is: both as sorted
 * "kind key → pages" lines, so a test can compare them after any sequence of writes.
 */
export async function directoryNowAndExpected(db: ClaimTrailDb): Promise<{ stored: string[]; expected: string[] }> {
  const [groups, buckets] = await Promise.all([allGroups(db), db.directory.toArray()]);
  const expected = new Map<string, string[]>();
  const file = (line: string, pageUrl: string) => expected.set(line, [...new Set([...(expected.get(line) ?? []), pageUrl])]);
  for (const g of groups) {
    for (const c of g.claims) {
      file(`id ${c.id}`, g.pageUrl);
      if (hasVerdict(c)) file(`fp ${c.fingerprint}`, g.pageUrl);
    }
  }
  const keys = await db.directory.toCollection().primaryKeys();
  const stored = buckets.flatMap((bucket, i) => [...bucket].map(([key, pages]) => `${String(keys[i]).split(':')[0]} ${key} → ${[...pages].sort().join(' ')}`));
  return {
    stored: stored.sort(),
    expected: [...expected].map(([line, pages]) => `${line} → ${pages.sort().join(' ')}`).sort(),
  };
}

/**
 * A group of `n` claims on `pageUrl` (ids `<url>#<i>`, every other one verified, so the directory
 * files fingerprints too), every third one with one history entry.
 */
export function groupOf(pageUrl: string, n: number, first = 0): ClaimGroup {
  const claims = Array.from({ length: n }, (_, k): ClaimRecord => {
    const i = first + k;
    return {
      id: `${pageUrl}#${i}`,
      pageUrl,
      speaker: null,
      cue: 'said',
      kind: 'indirect',
      text: `claim ${i}`,
      selectors: { quote: { type: 'TextQuoteSelector', exact: `claim ${i}`, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: i, end: i + 1 } },
      status: i % 2 === 0 ? 'verified' : 'unreviewed',
      note: '',
      fingerprint: `fp ${i % 7}`,
      createdAt: i,
      updatedAt: i,
      anchor: 'anchored',
      manual: false,
      dismissed: false,
    };
  });
  const reviews = claims
    .filter((_, k) => k % 3 === 0)
    .map((c): ReviewRecord => ({ claimId: c.id, at: c.createdAt, from: { status: 'unreviewed', note: '' }, to: { status: c.status, note: '' } }));
  return { pageUrl, claims, reviews };
}
