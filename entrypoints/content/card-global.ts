/**
 * Where review-card.js leaves the CardHost class in the content script's world. A module of its own
 * so review-card.js, which imports it, does not also pull in the loader and the extension API polyfill.
 */
export const CARD_HOST_GLOBAL = '__claimtrailCardHost';
