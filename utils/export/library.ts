import type { ClaimRecord, PageRecord, ReviewRecord } from '../db/types';

/** What every exporter reads: records as stored, in the order the caller wants them written. */
export interface LibrarySnapshot {
  pages: PageRecord[];
  claims: ClaimRecord[];
  reviews: ReviewRecord[];
}

export interface ExportOptions {
  /** Stamped into the file (and its name); passed in so output is reproducible. */
  exportedAt: Date;
}

/** Rows are grouped into chunks so a Blob is built from a few thousand parts, not one giant string. */
export const ROWS_PER_CHUNK = 500;

export function pagesByUrl(pages: readonly PageRecord[]): Map<string, PageRecord> {
  return new Map(pages.map((page) => [page.url, page]));
}

export function isoTime(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString();
}

export function* inChunks<T>(items: readonly T[], size = ROWS_PER_CHUNK): Generator<readonly T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

const HTML_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/** JSON text with "<", ">" and "&" as \u escapes (they only occur inside JSON strings, so any JSON text can take this). */
function escapeJsonForHtml(json: string): string {
  return json.replace(/[<>&]/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * JSON with "<", ">" and "&" as \u escapes: the same value to any JSON parser, but safe to paste into
 * a `<script type="application/ld+json">` block, where a "</script>" in page text would otherwise end it.
 */
export function jsonForHtml(value: unknown): string {
  return escapeJsonForHtml(JSON.stringify(value));
}

/** A chunk of records as jsonForHtml lines joined by ",\n"; the escaping runs once over the chunk, not once per record. */
export function jsonForHtmlLines<T>(records: readonly T[], toValue: (record: T) => unknown): string {
  return escapeJsonForHtml(records.map((record) => JSON.stringify(toValue(record))).join(',\n'));
}
