import { claimReviewChunks } from './claim-review';
import { csvChunks } from './csv';
import { jsonChunks } from './json';
import type { ExportOptions, LibrarySnapshot } from './library';
import { markdownChunks } from './markdown';
import { webAnnotationChunks } from './web-annotation';

export type ExportFormat = 'csv' | 'markdown' | 'json' | 'w3c' | 'claimreview';

interface FormatInfo {
  label: string;
  /** Added after the scope in the file name, so two formats with one extension do not collide. */
  suffix: string;
  extension: string;
  type: string;
  chunks: (library: LibrarySnapshot, options: ExportOptions) => Iterable<string>;
}

export const EXPORT_FORMATS: Record<ExportFormat, FormatInfo> = {
  csv: { label: 'CSV (spreadsheet)', suffix: '', extension: 'csv', type: 'text/csv;charset=utf-8', chunks: csvChunks },
  markdown: { label: 'Markdown', suffix: '', extension: 'md', type: 'text/markdown;charset=utf-8', chunks: markdownChunks },
  json: { label: 'ClaimTrail JSON (backup)', suffix: '', extension: 'json', type: 'application/json', chunks: jsonChunks },
  w3c: { label: 'W3C Web Annotations (JSON-LD)', suffix: '-annotations', extension: 'jsonld', type: 'application/ld+json', chunks: webAnnotationChunks },
  claimreview: { label: 'schema.org ClaimReview (JSON-LD)', suffix: '-claimreview', extension: 'jsonld', type: 'application/ld+json', chunks: claimReviewChunks },
};

/** Text is handed to a Blob part every this many characters (about 2 MB as UTF-16). */
export const PART_CHARS = 1 << 20;

/**
 * The export as a Blob assembled from the format's chunks. No string ever holds the whole file, and
 * the text is turned into Blob parts as it is produced: however big the library, the export holds
 * about PART_CHARS characters of text at a time (the browser keeps Blob data outside the JS heap).
 */
export function exportBlob(format: ExportFormat, library: LibrarySnapshot, options: ExportOptions): Blob {
  const info = EXPORT_FORMATS[format];
  const parts: Blob[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  for (const chunk of info.chunks(library, options)) {
    pending.push(chunk);
    pendingChars += chunk.length;
    if (pendingChars >= PART_CHARS) {
      parts.push(new Blob(pending));
      pending = [];
      pendingChars = 0;
    }
  }
  if (pending.length > 0) parts.push(new Blob(pending));
  return new Blob(parts, { type: info.type });
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "What" part of a file name: lowercase words of letters and digits joined by "-", at most 40 characters. */
function slug(scope: string): string {
  return scope.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
}

/** `claimtrail-2026-11-26-disputed.csv`: what and when, safe on every file system. */
export function exportFileName(format: ExportFormat, scope: string, date: Date): string {
  const info = EXPORT_FORMATS[format];
  const what = slug(scope);
  return `claimtrail-${localDay(date)}${what ? `-${what}` : ''}${info.suffix}.${info.extension}`;
}
