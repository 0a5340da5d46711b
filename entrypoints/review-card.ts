/**
 * The in-page review card (Preact, its CSS, the card host), built as its own file so the content
 * script every page loads stays small: the content script imports this on the first click on a claim.
 * Loaded with import() from the content script, it runs in the content script's world and hands the
 * card host over through that world's global object (the page cannot see it).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CardHost } from './content/card-host';
import { CARD_HOST_GLOBAL } from './content/card-global';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_HOST_GLOBAL] = CardHost;
});
