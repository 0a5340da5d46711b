import { inChunks, type ExportOptions, type LibrarySnapshot } from './library';

export const JSON_FORMAT = 'claimtrail';
export const JSON_VERSION = 1;

/** Records as stored, one per line, inside a versioned envelope. */
function* arrayChunks(name: string, records: readonly unknown[], last: boolean): Generator<string> {
  const close = last ? ']\n}\n' : '],\n';
  if (records.length === 0) {
    yield `"${name}":[${close}`;
    return;
  }
  yield `"${name}":[\n`;
  let first = true;
  for (const chunk of inChunks(records)) {
    yield (first ? '' : ',\n') + chunk.map((record) => JSON.stringify(record)).join(',\n');
    first = false;
  }
  yield `\n${close}`;
}

/**
 * The app's own lossless format: everything needed to restore the library, review history included.
 * `{format, version, exportedAt, pages, claims, reviews}`.
 */
export function* jsonChunks(library: LibrarySnapshot, options: ExportOptions): Generator<string> {
  yield `{\n"format":${JSON.stringify(JSON_FORMAT)},"version":${JSON_VERSION},"exportedAt":${JSON.stringify(options.exportedAt.toISOString())},\n`;
  yield* arrayChunks('pages', library.pages, false);
  yield* arrayChunks('claims', library.claims, false);
  yield* arrayChunks('reviews', library.reviews, true);
}
