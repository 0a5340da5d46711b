/**
 * The library benchmark's measurements, in one module that runs the same in Node (fake-indexeddb) and,
 * bundled, in a real Chromium page: export to every format, import, and search keystrokes.
 */
import { buildIndex, createSearch, EMPTY_FILTER, filterEntries, sortEntries, toRows } from '../../components/library/library-index';
import type { ClaimTrailDb } from '../../utils/db/database';
import { claimFingerprint } from '../../utils/db/fingerprint';
import type { ClaimRecord, PageRecord, ReviewRecord } from '../../utils/db/types';
import { EXPORT_FORMATS, exportBlob, type ExportFormat } from '../../utils/export/formats';
import type { LibrarySnapshot } from '../../utils/export/library';
import { applyImport } from '../../utils/import/apply-import';
import { parseImport } from '../../utils/import/parse-import';
import { parseJsonText } from '../../utils/import/read-json';

const SPEAKERS = ['Ayad Allawi', 'the ministry', 'Angela Merkel', 'officials', 'Jane Doe', 'a senior U.S. official', 'the Pentagon', 'Emmanuel Macron'];
const WORDS = 'the government said talks would resume next week after months of delay while officials denied any report of an alliance between groups exploring the possibility of forming new forces in the region and warned that'.split(' ');

/** A deterministic library shaped like real use: N claims over N/10 pages, half reviewed, notes on some. */
export function generateLibrary(n: number): LibrarySnapshot {
  let seed = 42;
  const rand = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const sentence = (len: number) => Array.from({ length: len }, () => WORDS[rand(WORDS.length)]).join(' ');
  const pageCount = Math.max(1, Math.floor(n / 10));
  const base = Date.UTC(2026, 0, 1);
  const pages: PageRecord[] = Array.from({ length: pageCount }, (_, p) => ({
    url: `https://site${p % 300}.example/news/${p}`,
    title: `${sentence(8)} ${p}`,
    site: `site${p % 300}.example`,
    firstSeen: base + p * 60_000,
    lastSeen: base + p * 60_000 + 1000,
  }));
  const claims: ClaimRecord[] = [];
  const reviews: ReviewRecord[] = [];
  for (let i = 0; i < n; i++) {
    const page = pages[i % pageCount]!;
    const speakerName = SPEAKERS[rand(SPEAKERS.length)]!;
    const text = sentence(12 + rand(20));
    const status = (['unreviewed', 'verified', 'disputed'] as const)[rand(3)]!;
    const created = page.firstSeen + i;
    const reviewed = status === 'unreviewed' ? undefined : created + 5000;
    claims.push({
      id: `claim-${i}`,
      pageUrl: page.url,
      site: page.site,
      speaker: { name: speakerName, type: 'person' },
      cue: 'said',
      kind: 'indirect',
      text,
      selectors: { quote: { type: 'TextQuoteSelector', exact: text, prefix: sentence(5), suffix: sentence(5) }, position: { type: 'TextPositionSelector', start: i, end: i + text.length } },
      status,
      note: rand(4) === 0 ? sentence(10) : '',
      fingerprint: claimFingerprint(speakerName, text),
      createdAt: created,
      updatedAt: reviewed ?? created,
      ...(reviewed === undefined ? {} : { reviewedAt: reviewed }),
      anchor: 'anchored',
      manual: false,
      dismissed: false,
    });
    if (reviewed !== undefined) reviews.push({ id: reviews.length + 1, claimId: `claim-${i}`, at: reviewed, from: { status: 'unreviewed', note: '' }, to: { status, note: '' } });
  }
  return { pages, claims, reviews };
}

export interface LibraryBenchResult {
  claims: number;
  exports: { format: ExportFormat; ms: number; bytes: number }[];
  importParseMs: number;
  importWriteMs: number;
  importTotalMs: number;
  importBytes: number;
  indexBuildMs: number;
  keystrokes: { query: string; ms: number; shown: number }[];
  /** Each query answered without narrowing the previous result. */
  fullScans: { query: string; ms: number; shown: number }[];
}

/**
 * `clock` is milliseconds from any origin: wall time in the browser, process CPU time in Node (where a
 * loaded shared machine would otherwise make wall times meaningless).
 */
export async function runLibraryBench(
  db: ClaimTrailDb,
  n: number,
  log: (line: string) => void = () => {},
  clock: () => number = () => performance.now(),
): Promise<LibraryBenchResult> {
  const library = generateLibrary(n);
  const exportedAt = new Date();
  const exports: LibraryBenchResult['exports'] = [];
  let jsonBlob: Blob | undefined;
  for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
    const t0 = clock();
    const blob = exportBlob(format, library, { exportedAt });
    exports.push({ format, ms: clock() - t0, bytes: blob.size });
    if (format === 'json') jsonBlob = blob;
    log(`export ${format}: ${Math.round(exports.at(-1)!.ms)} ms`);
  }

  const text = await jsonBlob!.text();
  const t0 = clock();
  const parsed = parseImport(parseJsonText(text));
  const t1 = clock();
  await applyImport(db, parsed.library);
  const t2 = clock();
  log(`import: parse+validate ${Math.round(t1 - t0)} ms, write ${Math.round(t2 - t1)} ms`);

  // The library's own path: read both tables, index them, then answer keystrokes.
  const [claims, pages] = await Promise.all([db.claims.toArray(), db.pages.toArray()]);
  const t3 = clock();
  // As the library does: index and sort once when the data changes; each keystroke only filters.
  const index = sortEntries(buildIndex(claims, pages), 'newest');
  const indexBuildMs = clock() - t3;
  const keystrokes: LibraryBenchResult['keystrokes'] = [];
  const fullScans: LibraryBenchResult['keystrokes'] = [];
  const typed = 'allawi resume talks';
  const search = createSearch();
  for (let i = 1; i <= typed.length; i++) {
    const query = typed.slice(0, i);
    const k0 = clock();
    const shown = toRows(search(index, { ...EMPTY_FILTER, query }), 'none');
    keystrokes.push({ query, ms: clock() - k0, shown: shown.length });
    // The same query answered from scratch (a pasted query, or one edited in the middle).
    const f0 = clock();
    const again = toRows(filterEntries(index, { ...EMPTY_FILTER, query }), 'none');
    fullScans.push({ query, ms: clock() - f0, shown: again.length });
  }
  log(`search: index ${Math.round(indexBuildMs)} ms, keystroke max ${Math.round(Math.max(...keystrokes.map((k) => k.ms)))} ms`);
  return {
    claims: n,
    exports,
    importParseMs: t1 - t0,
    importWriteMs: t2 - t1,
    importTotalMs: t2 - t0,
    importBytes: text.length,
    indexBuildMs,
    keystrokes,
    fullScans,
  };
}
