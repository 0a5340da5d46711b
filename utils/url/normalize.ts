/**
 * Page URL normalization: one key per article, whatever link the reader arrived by.
 *
 * Decisions:
 * - "www." is KEPT in the normalized URL: the key doubles as the link the library opens, and a few
 *   sites still serve only one of the two hosts. Equivalence of www/non-www is handled by preferring
 *   the page's canonical URL (same registrable domain), and `siteOf` drops "www." for display/filters.
 * - Query parameters that only track the visit are removed; the rest are kept and sorted, because
 *   some news CMSs address articles by query (`?id=123`).
 * - AMP variants map to the regular page: the canonical link when the page gives one (AMP requires it),
 *   otherwise URL-shape heuristics.
 */

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', '_ga', '_gl', 'ref_src', 'ref_url', '_hsenc', '_hsmi', 'mkt_tok',
  'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv', 'smid', 'smtyp', 'guccounter', 'guce_referrer',
  'guce_referrer_sig', 'at_medium', 'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4',
  'cmpid', 'ocid', 'sr_share', 'spm', '__twitter_impression', 'wt_mc', 'wt.mc_id', 'ito',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

/** Query parameters that only select the AMP rendition of a page. */
function isAmpParam(key: string, value: string): boolean {
  const k = key.toLowerCase();
  const v = value.toLowerCase();
  if (k === 'amp') return v === '' || v === '1' || v === 'true';
  return (k === 'outputtype' || k === 'output' || k === 'format') && v === 'amp';
}

function isTrackingParam(key: string): boolean {
  const k = key.toLowerCase();
  return TRACKING_PARAMS.has(k) || TRACKING_PREFIXES.some((p) => k.startsWith(p));
}

/** Second-level labels under which registrations happen one level deeper (co.uk, com.au…). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gob', 'nic']);
/** Hosting domains where each subdomain is a different site. */
const SHARED_HOSTS = new Set(['blogspot.com', 'wordpress.com', 'substack.com', 'github.io', 'medium.com', 'tumblr.com']);

/**
 * The registrable domain ("example.co.uk" for "news.example.co.uk"). An approximation of the
 * Public Suffix List that covers news sites (ccTLD second levels, shared blog hosts) without
 * shipping the 200 KB list.
 */
export function registrableDomain(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^[\d.]+$/.test(hostname) || hostname.includes(':')) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  if (SHARED_HOSTS.has(lastTwo)) return labels.slice(-3).join('.');
  const secondLevel = labels[labels.length - 2] ?? '';
  const tld = labels[labels.length - 1] ?? '';
  if (tld.length === 2 && SECOND_LEVEL.has(secondLevel)) return labels.slice(-3).join('.');
  return lastTwo;
}

/** Host name for display and per-site settings: lowercase, without "www." and trailing dot. */
export function siteOf(url: string): string {
  try {
    return hostSite(new URL(url).hostname);
  } catch {
    return '';
  }
}

export function hostSite(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '').replace(/^www\d*\./, '');
}

function parseHttp(href: string): URL | null {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** Google's AMP viewer and AMP cache wrap the publisher URL: unwrap it. */
function unwrapAmpCache(url: URL): URL {
  const host = url.hostname;
  let inner: string | null = null;
  if (host.endsWith('.cdn.ampproject.org') || host.endsWith('.ampproject.net')) {
    // /c/s/www.x.com/path (https) or /c/www.x.com/path (http); /v/ and /i/ are other resource kinds.
    const m = /^\/[cvi]\/(s\/)?(.+)$/.exec(url.pathname);
    if (m?.[2]) inner = `${m[1] ? 'https' : 'http'}://${m[2]}${url.search}`;
  } else if (/^(www\.)?google\.[a-z.]+$/.test(host)) {
    const m = /^\/amp\/(s\/)?(.+)$/.exec(url.pathname);
    if (m?.[2]) inner = `${m[1] ? 'https' : 'http'}://${m[2]}${url.search}`;
  }
  return (inner && parseHttp(inner)) || url;
}

/** Path shapes CMSs use for the AMP rendition: /amp/ segment, /amp suffix, .amp.html, .amp. */
function stripAmpPath(path: string): string {
  let p = path;
  p = p.replace(/\.amp\.html?$/i, '.html');
  p = p.replace(/\.amp$/i, '');
  p = p.replace(/\/amp\/?$/i, '/');
  p = p.replace(/^\/amp(?=\/.)/i, '');
  return p || '/';
}

/**
 * Normalizes an http(s) URL into the key ClaimTrail files a page under, or null for anything else
 * (browser pages, file:, data:, unparsable input). Idempotent: each rewrite can expose another
 * (an AMP cache URL wrapping an /amp/ path), so the single pass is repeated until nothing changes.
 */
export function normalizeUrl(href: string): string | null {
  let current = normalizeOnce(href);
  for (let i = 0; current !== null && i < 8; i++) {
    const next = normalizeOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

function normalizeOnce(href: string): string | null {
  const parsed = parseHttp(href);
  if (!parsed) return null;
  const url = unwrapAmpCache(parsed);
  url.hash = '';
  url.username = '';
  url.password = '';
  // URL lowercases the host and drops default ports; a trailing dot is the same host.
  url.hostname = url.hostname.replace(/\.$/, '');
  if (/^amp\./i.test(url.hostname) && url.hostname.split('.').length > 2) url.hostname = url.hostname.slice(4);
  url.pathname = stripAmpPath(url.pathname);
  const kept = [...url.searchParams].filter(([k, v]) => !isTrackingParam(k) && !isAmpParam(k, v));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url.href;
}

/**
 * The key for a page: its canonical URL when that is on the same site (registrable domain) as the
 * page itself — syndicated copies often point their canonical at the original publisher, and the
 * reader's review belongs to the page they actually read — otherwise the page's own URL.
 */
export function pageKey(page: { href: string; canonical?: string | undefined }): string | null {
  const own = normalizeUrl(page.href);
  if (!own || !page.canonical) return own;
  // A relative canonical is resolved against the page.
  let canonicalAbs: string;
  try {
    canonicalAbs = new URL(page.canonical, page.href).href;
  } catch {
    return own;
  }
  const canonical = normalizeUrl(canonicalAbs);
  if (!canonical) return own;
  const sameSite = registrableDomain(new URL(own).hostname) === registrableDomain(new URL(canonical).hostname);
  return sameSite ? canonical : own;
}
