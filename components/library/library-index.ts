/**
 * The library's in-memory index: one entry per tracked claim with its page and a precomputed, folded
 * haystack, so a search keystroke over 100,000 claims is a pass of `includes` calls, not of Unicode
 * normalization. Pure functions; the library builds the index from a liveQuery over claims and pages.
 */
import type { ClaimRecord, PageRecord, ReviewStatus } from '../../utils/db/types';
import { foldForSearch, speakerName } from '../../utils/popup/filters';
import { siteOf } from '../../utils/url/normalize';

export interface LibraryEntry {
  claim: ClaimRecord;
  page: PageRecord | undefined;
  site: string;
  speaker: string;
  /** When the claim was last reviewed, else when it was first tracked: what "date" means in the library. */
  date: number;
  haystack: string;
  /** This claim's row in an ungrouped list, made once with the entry so a keystroke allocates no rows. */
  row: ClaimRow;
}

export type StatusFilter = 'all' | ReviewStatus;
export type SortOrder = 'newest' | 'oldest' | 'speaker';
export type Grouping = 'none' | 'speaker' | 'page';

export interface LibraryFilter {
  query: string;
  status: StatusFilter;
  speaker: string | null;
  site: string | null;
  /** Inclusive day bounds as yyyy-mm-dd in local time (what <input type="date"> gives), or ''. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: LibraryFilter = { query: '', status: 'all', speaker: null, site: null, from: '', to: '' };

/** Haystacks of the previous build, reused while a claim and its page are unchanged. */
export type HaystackCache = Map<string, { key: string; haystack: string }>;

export function buildIndex(claims: readonly ClaimRecord[], pages: readonly PageRecord[], cache: HaystackCache = new Map()): LibraryEntry[] {
  const pageByUrl = new Map(pages.map((p) => [p.url, p]));
  const entries: LibraryEntry[] = [];
  for (const claim of claims) {
    if (claim.dismissed) continue;
    const page = pageByUrl.get(claim.pageUrl);
    const site = claim.site ?? page?.site ?? siteOf(claim.pageUrl);
    const title = page?.title ?? '';
    const cacheKey = `${claim.updatedAt}\u0000${title}`;
    let cached = cache.get(claim.id);
    if (!cached || cached.key !== cacheKey) {
      const haystack = foldForSearch([claim.text, claim.speaker?.name ?? '', claim.speaker?.role ?? '', claim.note, site, title].join('\n'));
      cached = { key: cacheKey, haystack };
      cache.set(claim.id, cached);
    }
    const entry: LibraryEntry = { claim, page, site, speaker: speakerName(claim.speaker), date: claim.reviewedAt ?? claim.createdAt, haystack: cached.haystack } as LibraryEntry;
    entry.row = { type: 'claim', key: claim.id, entry };
    entries.push(entry);
  }
  return entries;
}

function dayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1).getTime();
}

/**
 * The entries that pass every filter, in their order. Runs on every keystroke over up to 100,000
 * entries, so it is one plain loop: no closure or array per entry, longest word first (it fails most).
 */
export function filterEntries(entries: readonly LibraryEntry[], filter: LibraryFilter): LibraryEntry[] {
  const words = foldForSearch(filter.query).split(/\s+/).filter(Boolean).sort((a, b) => b.length - a.length);
  const from = filter.from ? dayStart(filter.from) : -Infinity;
  const to = filter.to ? dayStart(filter.to) + 86_400_000 : Infinity;
  const { status, speaker, site } = filter;
  const out: LibraryEntry[] = [];
  next: for (const e of entries) {
    if ((status !== 'all' && e.claim.status !== status) || (speaker !== null && e.speaker !== speaker) || (site !== null && e.site !== site) || e.date < from || e.date >= to) continue;
    for (const word of words) if (!e.haystack.includes(word)) continue next;
    out.push(e);
  }
  return out;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function sortEntries(entries: LibraryEntry[], order: SortOrder): LibraryEntry[] {
  const byDate = (a: LibraryEntry, b: LibraryEntry) => b.date - a.date || (a.claim.id < b.claim.id ? -1 : 1);
  if (order === 'newest') return entries.sort(byDate);
  if (order === 'oldest') return entries.sort((a, b) => -byDate(a, b));
  return entries.sort((a, b) => collator.compare(a.speaker, b.speaker) || byDate(a, b));
}

export interface ClaimRow { type: 'claim'; key: string; entry: LibraryEntry }
export type Row = { type: 'group'; key: string; label: string; count: number } | ClaimRow;

/** Flat rows for the virtual list: claims, each group preceded by a header with its count. Groups keep the sort order of their first claim. */
export function toRows(entries: readonly LibraryEntry[], grouping: Grouping): Row[] {
  if (grouping === 'none') return entries.map((entry) => entry.row);
  const groups = new Map<string, { label: string; entries: LibraryEntry[] }>();
  for (const entry of entries) {
    const key = grouping === 'speaker' ? entry.speaker : entry.claim.pageUrl;
    const group = groups.get(key);
    if (group) group.entries.push(entry);
    else groups.set(key, { label: grouping === 'speaker' ? entry.speaker : entry.page?.title || entry.claim.pageUrl, entries: [entry] });
  }
  const rows: Row[] = [];
  for (const [key, group] of groups) {
    rows.push({ type: 'group', key: `group:${key}`, label: group.label, count: group.entries.length });
    for (const entry of group.entries) rows.push(entry.row);
  }
  return rows;
}

export interface SpeakerSummary {
  name: string;
  total: number;
  verified: number;
  disputed: number;
  unreviewed: number;
  sites: number;
}

/** The Speakers view: each speaker with counts per verdict, most claims first. */
export function speakerSummaries(entries: readonly LibraryEntry[]): SpeakerSummary[] {
  const byName = new Map<string, SpeakerSummary & { siteSet: Set<string> }>();
  for (const e of entries) {
    let s = byName.get(e.speaker);
    if (!s) {
      s = { name: e.speaker, total: 0, verified: 0, disputed: 0, unreviewed: 0, sites: 0, siteSet: new Set() };
      byName.set(e.speaker, s);
    }
    s.total++;
    s[e.claim.status]++;
    s.siteSet.add(e.site);
  }
  return [...byName.values()]
    .map(({ siteSet, ...s }) => ({ ...s, sites: siteSet.size }))
    .sort((a, b) => b.total - a.total || collator.compare(a.name, b.name));
}

/** Distinct values with counts, most frequent first, for the speaker and site pickers. */
export function valueCounts(entries: readonly LibraryEntry[], pick: (e: LibraryEntry) => string): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(pick(e), (counts.get(pick(e)) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
}

function sameExceptQuery(a: LibraryFilter, b: LibraryFilter): boolean {
  return a.status === b.status && a.speaker === b.speaker && a.site === b.site && a.from === b.from && a.to === b.to;
}

/**
 * filterEntries that narrows its previous answer while the user types on: when the new query only
 * extends the previous one (same entries, same other filters), every match of the new query was a
 * match of the old one — its words are the old words, the last one possibly longer — so only the
 * previous result needs scanning, and keystrokes get cheaper as the query grows.
 */
export function createSearch(): (entries: readonly LibraryEntry[], filter: LibraryFilter) => LibraryEntry[] {
  let last: { entries: readonly LibraryEntry[]; filter: LibraryFilter; query: string; result: LibraryEntry[] } | null = null;
  return (entries, filter) => {
    const query = foldForSearch(filter.query).replace(/\s+/g, ' ').trimStart();
    const narrowing = last !== null && last.entries === entries && sameExceptQuery(last.filter, filter) && query.startsWith(last.query);
    const result = filterEntries(narrowing && last ? last.result : entries, filter);
    last = { entries, filter, query, result };
    return result;
  };
}
