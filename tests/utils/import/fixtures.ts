import { jsonChunks } from '../../../utils/export/json';
import type { LibrarySnapshot } from '../../../utils/export/library';
import { exportedAt } from '../export/sample-library';

export function exportText(library: LibrarySnapshot): string {
  return [...jsonChunks(library, { exportedAt })].join('');
}

export function exportObject(library: LibrarySnapshot): Record<string, unknown> & { claims: Record<string, unknown>[] } {
  return JSON.parse(exportText(library));
}
