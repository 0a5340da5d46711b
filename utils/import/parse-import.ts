import type { LibrarySnapshot } from '../export/library';
import { isClaimTrailJson, parseClaimTrailJson } from './claimtrail-json';
import { ImportError } from './errors';
import { readJsonFile } from './read-json';
import { isWebAnnotation, parseWebAnnotations } from './web-annotation';

export type ImportFormat = 'claimtrail' | 'w3c';

export interface ParsedImport {
  format: ImportFormat;
  library: LibrarySnapshot;
}

/** Recognises the file by its envelope and validates it completely; the database is not touched. */
export function parseImport(data: unknown): ParsedImport {
  if (isClaimTrailJson(data)) return { format: 'claimtrail', library: parseClaimTrailJson(data) };
  if (isWebAnnotation(data)) return { format: 'w3c', library: parseWebAnnotations(data) };
  throw new ImportError('ClaimTrail cannot read this file: it imports its own JSON export and W3C Web Annotation (JSON-LD) files. Nothing was changed.');
}

export async function parseImportFile(file: Pick<Blob, 'size' | 'text'>): Promise<ParsedImport> {
  return parseImport(await readJsonFile(file));
}
