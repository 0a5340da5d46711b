import Papa from 'papaparse';
import type { ClaimRecord, PageRecord } from '../db/types';
import { inChunks, isoTime, pagesByUrl, type LibrarySnapshot } from './library';

export const CSV_COLUMNS = [
  'Page URL', 'Page title', 'Site', 'Speaker', 'Role', 'Cue', 'Kind', 'Claim', 'Status', 'Note', 'Reviewed at',
  'Detected at',
] as const;

/**
 * Cells a spreadsheet could read as a formula. Papa Parse's own `escapeFormulae: true` pattern
 * (/^[=+\-@\t\r].*$/) misses multi-line values ("." stops at a newline and "$" needs the end), so
 * "=HYPERLINK(…)\nmore" would pass through; it also misses a leading newline, leading spaces before
 * the trigger (LibreOffice can trim them) and the full-width forms Excel folds to ASCII (＝ ＋ － ＠).
 */
export const FORMULA_TRIGGER = /^[\t\r\n]|^[ \u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** UTF-8 BOM: without it Excel opens the file in the legacy code page and mangles non-ASCII text. */
const BOM = '\ufeff';
const CRLF = '\r\n';

function row(claim: ClaimRecord, page: PageRecord | undefined): string[] {
  return [
    claim.pageUrl,
    page?.title ?? '',
    page?.site ?? '',
    claim.speaker?.name ?? '',
    claim.speaker?.role ?? '',
    claim.cue,
    claim.kind,
    claim.text,
    claim.status,
    claim.note,
    isoTime(claim.reviewedAt),
    isoTime(claim.createdAt),
  ];
}

function unparse(rows: string[][]): string {
  // RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes doubled.
  return Papa.unparse(rows, { newline: CRLF, escapeFormulae: FORMULA_TRIGGER, header: false });
}

/** One row per claim, a header row first; every line ends with CRLF. */
export function* csvChunks(library: LibrarySnapshot): Generator<string> {
  const pages = pagesByUrl(library.pages);
  yield BOM + unparse([[...CSV_COLUMNS]]) + CRLF;
  for (const claims of inChunks(library.claims)) {
    yield unparse(claims.map((claim) => row(claim, pages.get(claim.pageUrl)))) + CRLF;
  }
}
