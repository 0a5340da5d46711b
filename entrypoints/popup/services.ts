import type { ClaimRecord } from '../../utils/db/types';
import type {
  ExtensionPageToBackground,
  PageClaim,
  Request,
  Response,
  ReviewUpdate,
  ToContent,
} from '../../utils/messaging/protocol';
import type { DraftStore } from '../../utils/popup/note-drafts';
import type { Observer } from '../../components/useSubscription';

export type PageClaims = Response<ToContent, 'page:get-claims'>;
export type DismissInput = Request<ExtensionPageToBackground, 'claim:dismiss'>;
export type PageExportFormat = 'markdown' | 'csv';

/**
 * Everything the popup needs from the browser, the page and the database. main.tsx passes the real
 * implementation; tests pass fakes, so the whole popup renders and runs in happy-dom.
 */
export interface PopupServices {
  /** The tab the popup is about (`?tab=<id>` or the active tab), with its URL when the browser shares it. */
  targetTab(): Promise<{ id: number; url?: string } | null>;
  /** Rejects when no content script answers in that tab. */
  getClaims(tabId: number): Promise<PageClaims>;
  showClaim(tabId: number, claimId: string): Promise<boolean>;
  trackSelection(tabId: number, speaker?: string): Promise<PageClaim | null>;
  reloadTab(tabId: number): Promise<void>;
  /**
   * The page's stored claims, now and again after every change (made here, in the library or in another
   * tab) until the returned function is called.
   */
  watchStoredClaims(pageUrl: string, observer: Observer<ClaimRecord[]>): () => void;
  review(update: ReviewUpdate): Promise<ClaimRecord>;
  dismiss(input: DismissInput): Promise<ClaimRecord>;
  drafts: DraftStore;
  siteHighlighting: {
    get(site: string): Promise<boolean>;
    set(site: string, enabled: boolean): Promise<void>;
  };
  exportPage(format: PageExportFormat, page: PageClaims['page'], claims: PageClaim[], stored: ClaimRecord[]): Promise<void>;
  openLibrary(): Promise<void>;
}
