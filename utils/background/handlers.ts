/**
 * What the background does for each message. Every write goes through utils/db in one transaction,
 * then the page's new stored state fans out to all tabs so every view repaints.
 */
import { anchor } from '../anchoring';
import type { ClaimTrailDb } from '../db/database';
import { InvalidPageError } from '../db/errors';
import {
  deleteClaims,
  dismissClaim,
  openPage,
  pageUrlFor,
  recordAnchors,
  restoreClaims,
  reviewClaim,
  setStatus,
  storedClaims,
} from '../db/operations';
import type { ClaimRecord } from '../db/types';
import type { Handlers, MessageSender } from '../messaging/receive';
import type { ClaimDismissal, ContentToBackground, ExtensionPageToBackground, ReviewUpdate } from '../messaging/protocol';
import { broadcastToTabs } from '../messaging/send';
import { getSettings, highlightsAllowed } from '../settings';
import { normalizeUrl, registrableDomain } from '../url/normalize';
import { setTabBadge } from './badge';

/** Sends each affected page's complete stored list to every tab; tabs on other pages ignore it. */
export async function fanOut(db: ClaimTrailDb, pageUrls: Iterable<string>): Promise<void> {
  await Promise.all(
    [...new Set(pageUrls)].map(async (pageUrl) => {
      const claims = await storedClaims(db, pageUrl);
      await broadcastToTabs('claims:changed', { pageUrl, claims });
    }),
  );
}

const pagesOf = (claims: readonly ClaimRecord[]) => claims.map((c) => c.pageUrl);

function domainOf(url: string | undefined): string | null {
  const normalized = url === undefined ? null : normalizeUrl(url);
  return normalized ? registrableDomain(new URL(normalized).hostname) : null;
}

/**
 * A content script may only touch claims of the site it runs on. A page is filed under its own URL
 * or a same-site canonical (utils/url pageKey), so the registrable domain always matches for honest
 * senders and survives SPA navigations; a compromised renderer cannot write another site's claims.
 */
function assertOwnSite(pageUrl: string, sender: MessageSender): void {
  const own = domainOf(sender.url);
  if (own === null || own !== domainOf(pageUrl)) {
    throw new InvalidPageError('A page can only change its own claims.');
  }
}

export function createHandlers(getDb: () => ClaimTrailDb) {
  const review = async (update: ReviewUpdate): Promise<ClaimRecord> => {
    const db = getDb();
    const record = await reviewClaim(db, update);
    await fanOut(db, [record.pageUrl]);
    return record;
  };
  const dismiss = async (input: ClaimDismissal): Promise<ClaimRecord> => {
    const db = getDb();
    const record = await dismissClaim(db, input);
    await fanOut(db, [record.pageUrl]);
    return record;
  };

  const content: Handlers<ContentToBackground> = {
    'page:state': async ({ page }, sender) => {
      assertOwnSite(page.href, sender);
      const pageUrl = pageUrlFor(page);
      // The switches and the page's claims read at once: the page waits for this answer to paint.
      const [settings, stored] = await Promise.all([getSettings(), storedClaims(getDb(), pageUrl)]);
      const allowed = highlightsAllowed(settings, page.href);
      return { pageUrl, stored: allowed ? stored : [], allowed };
    },
    'page:open': async ({ page, claims }, sender) => {
      assertOwnSite(page.href, sender);
      // A site the reader switched off is not recorded (its page learnt from 'page:state' to show
      // nothing, but may have been switched off since).
      const settings = await getSettings();
      if (!highlightsAllowed(settings, page.href)) return { pageUrl: pageUrlFor(page), stored: [], earlier: {}, allowed: false };
      return { ...(await openPage(getDb(), page, claims, { rememberAll: settings.rememberAllClaims })), allowed: true };
    },
    'claim:review': (update, sender) => {
      assertOwnSite(update.pageUrl, sender);
      return review(update);
    },
    'claim:dismiss': (input, sender) => {
      assertOwnSite(input.pageUrl, sender);
      return dismiss(input);
    },
    'page:anchors': async (report, sender) => {
      assertOwnSite(report.pageUrl, sender);
      await recordAnchors(getDb(), report);
      return null;
    },
    'page:badge': async ({ toReview }, sender) => {
      if (sender.tab?.id !== undefined) await setTabBadge(sender.tab.id, toReview);
      return null;
    },
    'text:anchor': ({ text, selectors }) => selectors.map((selector) => anchor(text, selector)),
  };

  const page: Handlers<ExtensionPageToBackground> = {
    'claim:review': review,
    'claim:dismiss': dismiss,
    'claims:set-status': async ({ claimIds, status }) => {
      const db = getDb();
      const changed = await setStatus(db, claimIds, status);
      await fanOut(db, pagesOf(changed));
      return changed.length;
    },
    'claims:delete': async ({ claimIds }) => {
      const db = getDb();
      const removed = await deleteClaims(db, claimIds);
      await fanOut(db, pagesOf(removed.claims));
      return removed.claims.length;
    },
    'claims:restore': async ({ claims, reviews }) => {
      const db = getDb();
      const count = await restoreClaims(db, claims, reviews);
      await fanOut(db, pagesOf(claims));
      return count;
    },
  };

  return { content, page };
}
