/**
 * Runtime validation of every message the background receives (content scripts check theirs with
 * the smaller guards of content-guards.ts, kept in step with claimRecordSchema by a test). Strict objects reject unknown keys (so `__proto__` and
 * `constructor` cannot smuggle anything in) and every string and array is capped, so a hostile or
 * buggy sender cannot make the background write oversized or malformed records.
 */
import * as v from 'valibot';
import { normalizeUrl } from '../url/normalize';
import type { ContentToBackground, ExtensionPageToBackground, Request } from './protocol';

export const LIMITS = {
  note: 10_000,
  claimText: 20_000,
  context: 256,
  name: 500,
  cue: 200,
  url: 4_096,
  title: 1_000,
  shortText: 200,
  id: 200,
  claimsPerPage: 5_000,
  idsPerRequest: 100_000,
  messageType: 64,
  articleText: 10_000_000,
} as const;

export type RequestSchemas<M> = { [K in keyof M]: v.GenericSchema<unknown, Request<M, K>> };

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const time = count;

const httpUrl = v.pipe(
  text(LIMITS.url),
  v.check((u) => normalizeUrl(u) !== null, 'expected an http(s) URL'),
);
/** A page key as the background issued it (PageState.pageUrl): already normalized. */
const pageUrl = v.pipe(
  text(LIMITS.url),
  v.check((u) => normalizeUrl(u) === u, 'expected a normalized page URL'),
);

const status = v.picklist(['unreviewed', 'verified', 'disputed']);
const anchorState = v.picklist(['anchored', 'changed', 'orphaned']);
const kind = v.picklist(['direct', 'indirect', 'mixed']);

const speaker = v.nullable(
  v.strictObject({
    name: text(LIMITS.name),
    role: v.optional(text(LIMITS.name)),
    mention: v.optional(text(LIMITS.name)),
    type: v.picklist(['person', 'organization', 'group', 'unknown']),
  }),
);

const selectors = v.pipe(
  v.strictObject({
    quote: v.strictObject({
      type: v.literal('TextQuoteSelector'),
      exact: text(LIMITS.claimText),
      prefix: text(LIMITS.context),
      suffix: text(LIMITS.context),
    }),
    position: v.strictObject({ type: v.literal('TextPositionSelector'), start: count, end: count }),
  }),
  v.check((s) => s.position.end >= s.position.start, 'position end before start'),
);

const snapshot = v.strictObject({
  detectorId: text(LIMITS.id),
  kind,
  speaker,
  cue: text(LIMITS.cue),
  text: text(LIMITS.claimText),
  selectors,
  confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  manual: v.boolean(),
});

const claimId = text(LIMITS.id);
const reviewState = v.strictObject({ status, note: text(LIMITS.note) });

export const claimRecordSchema = v.strictObject({
  id: claimId,
  pageUrl,
  site: v.optional(text(LIMITS.url)),
  speaker,
  cue: text(LIMITS.cue),
  kind,
  text: text(LIMITS.claimText),
  selectors,
  status,
  note: text(LIMITS.note),
  fingerprint: text(LIMITS.claimText),
  createdAt: time,
  updatedAt: time,
  reviewedAt: v.optional(time),
  anchor: anchorState,
  currentText: v.optional(text(LIMITS.claimText)),
  manual: v.boolean(),
  dismissed: v.boolean(),
});

export const reviewRecordSchema = v.strictObject({
  id: v.optional(count),
  claimId,
  at: time,
  from: reviewState,
  to: reviewState,
});

const reviewUpdate = v.strictObject({
  pageUrl,
  claimId: v.optional(claimId),
  claim: snapshot,
  status: v.optional(status),
  note: v.optional(text(LIMITS.note)),
});

const dismissal = v.strictObject({ pageUrl, claimId: v.optional(claimId), claim: snapshot });

const pageInfo = v.strictObject({
  href: httpUrl,
  canonical: v.optional(text(LIMITS.url)),
  title: text(LIMITS.title),
  author: v.optional(text(LIMITS.name)),
  published: v.optional(text(LIMITS.shortText)),
});

const claimIds = v.pipe(v.array(claimId), v.maxLength(LIMITS.idsPerRequest));

export const contentToBackgroundSchemas: RequestSchemas<ContentToBackground> = {
  'page:state': v.strictObject({ page: pageInfo }),
  'page:open': v.strictObject({
    page: pageInfo,
    claims: v.pipe(v.array(snapshot), v.maxLength(LIMITS.claimsPerPage)),
  }),
  'claim:review': reviewUpdate,
  'claim:dismiss': dismissal,
  'page:anchors': v.strictObject({
    pageUrl,
    anchors: v.pipe(
      v.array(
        v.strictObject({ claimId, anchor: anchorState, currentText: v.optional(text(LIMITS.claimText)) }),
      ),
      v.maxLength(LIMITS.claimsPerPage),
    ),
  }),
  'page:badge': v.strictObject({ toReview: v.pipe(count, v.maxValue(LIMITS.idsPerRequest)) }),
  'text:anchor': v.strictObject({
    text: text(LIMITS.articleText),
    selectors: v.pipe(v.array(selectors), v.maxLength(LIMITS.claimsPerPage)),
  }),
};

export const extensionPageToBackgroundSchemas: RequestSchemas<ExtensionPageToBackground> = {
  'claim:review': reviewUpdate,
  'claim:dismiss': dismissal,
  'claims:set-status': v.strictObject({ claimIds, status }),
  'claims:delete': v.strictObject({ claimIds }),
  'claims:restore': v.strictObject({
    claims: v.pipe(v.array(claimRecordSchema), v.maxLength(LIMITS.idsPerRequest)),
    reviews: v.optional(v.pipe(v.array(reviewRecordSchema), v.maxLength(LIMITS.idsPerRequest * 10))),
  }),
};

/** The wire envelope around every request. */
export const envelopeSchema = v.strictObject({
  ct: v.literal(1),
  type: text(LIMITS.messageType),
  data: v.unknown(),
});

/** One line naming where a payload is wrong, for the caller's error. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid message';
  const path = (first.path ?? []).map((p) => String(p.key)).join('.');
  return path ? `${path}: ${first.message}` : first.message;
}
