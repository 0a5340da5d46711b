/**
 * Must be the first import of every content script.
 *
 * In Chromium, elements with id or name "browser" are visible on `window` in the content script's
 * isolated world too (named access), and Chromium has no `browser` global of its own. `wxt/browser`
 * (`globalThis.browser?.runtime?.id ? browser : chrome`) then mistakes a page's
 * `<form id="browser"><input name="runtime" id="x">` for the real API and hands it out. Shadowing the
 * name with an own property of this world (the page never sees it) makes it pick `chrome` as intended.
 *
 * The guard never reads the name on the global: even `'browser' in globalThis` resolves an
 * `<iframe name="browser">` (or `<embed>`) to that frame's window in this world, which makes Chromium
 * set this extension's world up inside that frame too, and from then on `chrome.runtime` is missing
 * from the top frame's content script (Chromium 156; the content script then does nothing). A genuine
 * `browser` (Firefox's, or a future Chromium one) is an own property of the global; a named element
 * never is, so an own property is left alone and anything else is shadowed unread.
 */
if (!Object.hasOwn(globalThis, 'browser')) {
  Object.defineProperty(globalThis, 'browser', { value: undefined, configurable: true, writable: true });
}
