/**
 * Stands in for WXT's ContentScriptContext in the content script build: wxt.config.ts aliases
 * `wxt/utils/content-script-context` to this file for content scripts. WXT constructs one before it
 * calls `main`; ClaimTrail's `main` does not use it, because the real one announces every start with
 * a window message the page can read (it carries the extension id) and replay to invalidate a
 * running script. utils/page/lifecycle.ts decides when a session ends instead. Keeping the real class
 * would also cost every page about 0.8 KB gzipped; keeping even its two fields, which nothing reads,
 * cost about 25 bytes.
 */
// WXT's entry (a plain module, not type-checked against this file) calls `new ContentScriptContext(name, options)`.
export class ContentScriptContext {}
