// The popup's storage side, imported on demand: the database (Dexie is most of the popup's code by
// size) and the settings. The first paint needs neither: the page's claims come from the content
// script with their status and note. One module, so the library (which imports all of this up front)
// shares one chunk with it instead of several.
import { getDb } from '../../utils/db/database';
import { claimFromSnapshot, storedClaims } from '../../utils/db/operations';
import type { ClaimRecord, PageRecord } from '../../utils/db/types';
import type { PageClaim } from '../../utils/messaging/protocol';
import { subscribeLive } from '../../components/useLiveQuery';
import type { Observer } from '../../components/useSubscription';
import type { PageClaims, PageExportFormat } from './services';

export { isSiteEnabled, setSiteEnabled } from '../../utils/settings';

export function watchStoredClaims(pageUrl: string, observer: Observer<ClaimRecord[]>): () => void {
  return subscribeLive(() => storedClaims(getDb(), pageUrl))(observer);
}

/** The page's claims as records for an export: stored ones as stored, the rest as detected now. */
function exportRecords(pageUrl: string, claims: PageClaim[], stored: ClaimRecord[], now: number): ClaimRecord[] {
  const byId = new Map(stored.map((record) => [record.id, record]));
  return claims.map((claim) => {
    const record = byId.get(claim.claimId) ?? { ...claimFromSnapshot(pageUrl, claim.snapshot, now), id: claim.claimId };
    return { ...record, status: claim.status, note: claim.note };
  });
}

export async function exportPage(format: PageExportFormat, page: PageClaims['page'], claims: PageClaim[], stored: ClaimRecord[]): Promise<void> {
  // The formats (and the CSV library) load only when the user exports.
  const [{ exportBlob, exportFileName }, { saveBlob }] = await Promise.all([
    import('../../utils/export/formats'),
    import('../../utils/export/save-file'),
  ]);
  const now = new Date();
  const pageRecord: PageRecord = (await getDb().pages.get(page.url)) ?? {
    ...page,
    firstSeen: now.getTime(),
    lastSeen: now.getTime(),
  };
  const library = { pages: [pageRecord], claims: exportRecords(page.url, claims, stored, now.getTime()), reviews: [] };
  saveBlob(exportBlob(format, library, { exportedAt: now }), exportFileName(format, page.title || page.site, now));
}
