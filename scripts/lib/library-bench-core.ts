/**
 * The library benchmark's measurements, in one module that runs the same in Node (fake-indexeddb) and,
 * bundled, in a real Chromium page: export to every format, import, and search keystrokes.
 */
import { buildIndex, createSearch, EMPTY_FILTER, filterEntries, sortEntries, toRows } from '../../components/library/library-index';
import type { ClaimTrailDb } from '../../utils/db/database';
import { claimFingerprint } from '../../utils/db/fingerprint';
import { allClaims } from '../../utils/db/operations';
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
  // The high bits of this LCG: its low bits repeat with a short period (seed % 8 gave one speaker to 99% of claims).
  const rand = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * k);
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

/** One measured step: wall (or CPU) time by `clock`, and the browser's CPU time when a probe is given. */
export interface Sample {
  ms: number;
  cpuMs?: number;
}

export interface LibraryBenchResult {
  claims: number;
  runs: number;
  /** Per format, one sample per run. */
  exports: { format: ExportFormat; bytes: number; samples: Sample[] }[];
  /** Per run: parse + validate, the one write transaction, and both. */
  importParse: Sample[];
  importWrite: Sample[];
  importTotal: Sample[];
  importBytes: number;
  /** The same file imported again into the library it filled: preview + merge read everything, write nothing. */
  reimport: Sample[];
  indexBuildMs: number;
  /** Every keystroke of every run, narrowing the previous result as the library does. */
  keystrokes: { query: string; ms: number; shown: number }[];
  /** Each query answered without narrowing the previous result (pasted, or edited in the middle). */
  fullScans: { query: string; ms: number; shown: number }[];
}

export interface BenchHooks {
  log?: (line: string) => void;
  /** Milliseconds from any origin: wall time in the browser, process CPU time in Node. */
  clock?: () => number;
  /** CPU milliseconds used so far by the whole browser (all its processes: IndexedDB runs outside the page's). */
  cpu?: () => Promise<number>;
}

async function measure<T>(hooks: BenchHooks, run: () => T | Promise<T>): Promise<[T, Sample]> {
  const clock = hooks.clock ?? (() => performance.now());
  const cpu0 = await hooks.cpu?.();
  const t0 = clock();
  const value = await run();
  const ms = clock() - t0;
  const cpu1 = await hooks.cpu?.();
  return [value, cpu0 === undefined || cpu1 === undefined ? { ms } : { ms, cpuMs: cpu1 - cpu0 }];
}

/**
 * Each export and the import `runs` times (the import into a fresh, empty database each time), then
 * the search over what the last import wrote, typed `runs` times. `openDb` gives a new database;
 * every one but the last is deleted once measured.
 */
export async function runLibraryBench(openDb: () => ClaimTrailDb, n: number, runs: number, hooks: BenchHooks = {}): Promise<LibraryBenchResult> {
  const log = hooks.log ?? (() => {});
  const clock = hooks.clock ?? (() => performance.now());
  const library = generateLibrary(n);
  const exportedAt = new Date();
  const exports: LibraryBenchResult['exports'] = [];
  let jsonBlob: Blob | undefined;
  for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
    const samples: Sample[] = [];
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      const [blob, sample] = await measure(hooks, () => exportBlob(format, library, { exportedAt }));
      samples.push(sample);
      bytes = blob.size;
      if (format === 'json') jsonBlob = blob;
    }
    exports.push({ format, bytes, samples });
    log(`export ${format}: ${samples.map((s) => Math.round(s.ms)).join(', ')} ms`);
  }

  const text = await jsonBlob!.text();
  const importParse: Sample[] = [];
  const importWrite: Sample[] = [];
  const importTotal: Sample[] = [];
  const reimport: Sample[] = [];
  let db = openDb();
  for (let run = 0; run < runs; run++) {
    if (run > 0) {
      await db.delete();
      db = openDb();
    }
    await db.open();
    const target = db;
    const [parsed, parse] = await measure(hooks, () => parseImport(parseJsonText(text)));
    const [, write] = await measure(hooks, () => applyImport(target, parsed.library));
    importParse.push(parse);
    importWrite.push(write);
    importTotal.push({ ms: parse.ms + write.ms, ...(parse.cpuMs !== undefined && write.cpuMs !== undefined && { cpuMs: parse.cpuMs + write.cpuMs }) });
    const [, again] = await measure(hooks, () => applyImport(target, parsed.library));
    reimport.push(again);
    log(`import: parse+validate ${Math.round(parse.ms)} ms, write ${Math.round(write.ms)} ms, again ${Math.round(again.ms)} ms`);
  }

  // The library's own path: read both tables, index them, then answer keystrokes.
  const [claims, pages] = await Promise.all([allClaims(db), db.pages.toArray()]);
  const t3 = clock();
  // As the library does: index and sort once when the data changes; each keystroke only filters.
  const index = sortEntries(buildIndex(claims, pages), 'newest');
  const indexBuildMs = clock() - t3;
  const keystrokes: LibraryBenchResult['keystrokes'] = [];
  const fullScans: LibraryBenchResult['keystrokes'] = [];
  const typed = 'allawi resume talks';
  for (let run = 0; run < runs; run++) {
    const search = createSearch();
    for (let i = 1; i <= typed.length; i++) {
      const query = typed.slice(0, i);
      const k0 = clock();
      const shown = toRows(search(index, { ...EMPTY_FILTER, query }), 'none');
      keystrokes.push({ query, ms: clock() - k0, shown: shown.length });
      const f0 = clock();
      const again = toRows(filterEntries(index, { ...EMPTY_FILTER, query }), 'none');
      fullScans.push({ query, ms: clock() - f0, shown: again.length });
    }
  }
  log(`search: index ${Math.round(indexBuildMs)} ms, keystroke max ${Math.round(Math.max(...keystrokes.map((k) => k.ms)))} ms`);
  await db.delete();
  return { claims: n, runs, exports, importParse, importWrite, importTotal, importBytes: text.length, reimport, indexBuildMs, keystrokes, fullScans };
}
