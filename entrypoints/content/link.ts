/** The session's line to the background, over the typed messaging wrapper. */
import { sendToBackground } from '../../utils/messaging/send';
import type { BackgroundLink } from './session';

export const messagingLink: BackgroundLink = {
  openPage: (page, claims) => sendToBackground('page:open', { page, claims }),
  review: (update) => sendToBackground('claim:review', update),
  dismiss: (pageUrl, claim) => sendToBackground('claim:dismiss', { pageUrl, claim }),
  reportAnchors: async (report) => {
    await sendToBackground('page:anchors', report);
  },
  badge: async (toReview) => {
    await sendToBackground('page:badge', { toReview });
  },
};
