import * as v from 'valibot';
import type { ClaimRecord, PageRecord, ReviewRecord } from '../db/types';
import { JSON_FORMAT, JSON_VERSION } from '../export/json';
import type { LibrarySnapshot } from '../export/library';
import { claimRecordSchema, LIMITS, reviewRecordSchema } from '../messaging/schemas';
import { normalizeUrl } from '../url/normalize';
import { failWith, ImportError, MAX_PROBLEMS } from './errors';
import { describeIssue } from './issues';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

export const pageRecordSchema = v.strictObject({
  url: v.pipe(text(LIMITS.url), v.check((u) => normalizeUrl(u) === u, 'expected a normalized http(s) page URL')),
  canonicalUrl: v.optional(text(LIMITS.url)),
  title: text(LIMITS.title),
  site: text(LIMITS.url),
  author: v.optional(text(LIMITS.name)),
  published: v.optional(text(LIMITS.shortText)),
  firstSeen: time,
  lastSeen: time,
});

/**
 * A claim's pageUrl must name a page of the same file (checkReferences), and every page URL is
 * checked as normalized above: checking it again here would parse the same URL once per claim
 * (100,000 times in a big backup) instead of once per page.
 */
export const importedClaimSchema = v.strictObject({ ...claimRecordSchema.entries, pageUrl: text(LIMITS.url) });

const envelopeSchema = v.strictObject({
  format: v.literal(JSON_FORMAT),
  version: v.literal(JSON_VERSION),
  exportedAt: text(LIMITS.shortText),
  pages: v.array(v.unknown()),
  claims: v.array(v.unknown()),
  reviews: v.array(v.unknown()),
});

export function isClaimTrailJson(data: unknown): data is { format: unknown } {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && 'format' in data;
}

/**
 * Validates item by item rather than one schema over the whole file: the first problems are found
 * without building a 100,000-entry issue list, and each names its array index. These schemas only
 * check (no transforms, no defaults), so a valid item is its own output: the parsed item is kept and
 * valibot's copy dropped at once, which halves what a big import holds in memory (and the GC's work).
 */
function validItems<T>(name: string, items: unknown[], schema: v.GenericSchema<unknown, T>, problems: string[]): T[] {
  for (let i = 0; i < items.length && problems.length < MAX_PROBLEMS; i++) {
    const result = v.safeParse(schema, items[i]);
    if (!result.success) for (const issue of result.issues.slice(0, 3)) problems.push(describeIssue(`${name}[${i}]`, issue));
  }
  return items as T[];
}

/** Cross-record rules the schemas cannot see: unique keys, and claims and reviews that point at records in the file. */
function checkReferences(pages: PageRecord[], claims: ClaimRecord[], reviews: ReviewRecord[], problems: string[]): void {
  const pageUrls = new Set<string>();
  pages.forEach((page, i) => {
    if (pageUrls.has(page.url)) problems.push(`pages[${i}].url: the same page is listed twice`);
    pageUrls.add(page.url);
  });
  const claimIds = new Set<string>();
  claims.forEach((claim, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (claimIds.has(claim.id)) problems.push(`claims[${i}].id: the same claim is listed twice`);
    if (!pageUrls.has(claim.pageUrl)) problems.push(`claims[${i}].pageUrl: no page with this URL in the file`);
    claimIds.add(claim.id);
  });
  reviews.forEach((review, i) => {
    if (problems.length < MAX_PROBLEMS && !claimIds.has(review.claimId)) problems.push(`reviews[${i}].claimId: no claim with this id in the file`);
  });
}

/** The app's own JSON export, validated completely, or an ImportError naming what is wrong and where. */
export function parseClaimTrailJson(data: unknown): LibrarySnapshot {
  if (!isClaimTrailJson(data) || data.format !== JSON_FORMAT) {
    throw new ImportError('This is not a ClaimTrail export (its "format" is not "claimtrail"). Nothing was changed.');
  }
  if ('version' in data && typeof data.version === 'number' && data.version > JSON_VERSION) {
    throw new ImportError(`This file was made by a newer ClaimTrail (format version ${data.version}; this one reads version ${JSON_VERSION}). Update ClaimTrail, then import it again. Nothing was changed.`);
  }
  const envelope = v.safeParse(envelopeSchema, data);
  if (!envelope.success) failWith('ClaimTrail', envelope.issues.slice(0, MAX_PROBLEMS).map((issue) => describeIssue('', issue).replace(/^\./, '')));
  const problems: string[] = [];
  const pages = validItems('pages', envelope.output.pages, pageRecordSchema, problems);
  const claims = validItems('claims', envelope.output.claims, importedClaimSchema, problems);
  const reviews = validItems('reviews', envelope.output.reviews, reviewRecordSchema, problems);
  if (problems.length === 0) checkReferences(pages, claims, reviews, problems);
  if (problems.length > 0) failWith('ClaimTrail', problems);
  return { pages, claims, reviews };
}
