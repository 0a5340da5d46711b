import { browser } from 'wxt/browser';

/** Amber: "something to do", readable with white text in light and dark toolbars. */
const BADGE_COLOR = '#9a4d00';

/** The number of claims to review on a tab, on the toolbar icon; nothing when there are none. */
export async function setTabBadge(tabId: number, toReview: number): Promise<void> {
  const text = toReview <= 0 ? '' : toReview > 999 ? '999+' : String(toReview);
  await browser.action.setBadgeText({ tabId, text });
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
}
