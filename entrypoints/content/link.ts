/** The session's line to the background, over the typed messaging wrapper. */
import { sendToBackground } from '../../utils/messaging/send';
import type { BackgroundLink } from './session';

export const messagingLink: BackgroundLink = {
  pageState: (page) => sendToBackground('page:state', { page }),
  openPage: (page, claims) => sendToBackground('page:open', { page, claims }),
  review: (update) => sendToBackground('claim:review', update),
  dismiss: (pageUrl, claim, claimId) => sendToBackground('claim:dismiss', { pageUrl, claim, claimId }),
  reportAnchors: (report) => sendToBackground('page:anchors', report),
  badge: (toReview) => sendToBackground('page:badge', { toReview }),
  anchor: (text, selectors) => sendToBackground('text:anchor', { text, selectors }),
};
