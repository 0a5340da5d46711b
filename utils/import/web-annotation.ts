import * as v from 'valibot';
import { claimFingerprint, claimId } from '../db/fingerprint';
import type { ClaimRecord, PageRecord, ReviewStatus } from '../db/types';
import type { LibrarySnapshot } from '../export/library';
import { ANNO_CONTEXT, CLAIM_IRI_PREFIX } from '../export/web-annotation';
import { LIMITS } from '../messaging/schemas';
import { normalizeUrl, siteOf } from '../url/normalize';
import { failWith, ImportError, MAX_PROBLEMS } from './errors';
import { describeIssue } from './issues';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const dateTime = v.pipe(v.string(), v.maxLength(64), v.check((s) => !Number.isNaN(Date.parse(s)), 'expected a date and time'));
const position = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
// The list goes first: valibot's object() would also accept an array (it is an object) and drop its items.
const oneOrMany = <T extends v.GenericSchema>(schema: T) => v.union([v.array(schema), schema]);
const STATUSES = ['unreviewed', 'verified', 'disputed'] as const;

// Other tools' annotations may carry any extra properties and selector types; v.object drops what
// ClaimTrail does not use, and unknown selectors are skipped, not refused.
const body = v.object({
  purpose: v.optional(text(LIMITS.shortText)),
  value: v.optional(text(LIMITS.note)),
  created: v.optional(dateTime),
});
const selector = v.looseObject({ type: text(LIMITS.shortText) });
const quoteSelector = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: text(LIMITS.claimText),
  prefix: v.optional(text(LIMITS.context), ''),
  suffix: v.optional(text(LIMITS.context), ''),
});
const positionSelector = v.pipe(
  v.object({ type: v.literal('TextPositionSelector'), start: position, end: position }),
  v.check((s) => s.end >= s.start, 'position end before start'),
);
const annotationSchema = v.object({
  id: v.optional(text(LIMITS.url)),
  type: v.literal('Annotation'),
  created: v.optional(dateTime),
  modified: v.optional(dateTime),
  body: v.optional(oneOrMany(body)),
  target: v.object({
    source: v.union([text(LIMITS.url), v.object({ id: text(LIMITS.url) })]),
    selector: oneOrMany(selector),
  }),
});

type Annotation = v.InferOutput<typeof annotationSchema>;

function hasAnnoContext(data: object): boolean {
  const context = (data as { '@context'?: unknown })['@context'];
  return context === ANNO_CONTEXT || (Array.isArray(context) && context.includes(ANNO_CONTEXT));
}

export function isWebAnnotation(data: unknown): data is object {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && hasAnnoContext(data);
}

/** The annotations of a collection with its first page embedded, of a page, or a single annotation. */
function annotationItems(data: Record<string, unknown>): { items: unknown[]; at: string } {
  const first = data.first;
  if (data.type === 'AnnotationCollection') {
    if (typeof first === 'object' && first !== null && Array.isArray((first as { items?: unknown }).items)) {
      return { items: (first as { items: unknown[] }).items, at: 'first.items' };
    }
    throw new ImportError('This AnnotationCollection does not contain its annotations (its "first" page is not embedded), so there is nothing to import. Nothing was changed.');
  }
  if (data.type === 'AnnotationPage' && Array.isArray(data.items)) return { items: data.items, at: 'items' };
  if (data.type === 'Annotation') return { items: [data], at: '' };
  throw new ImportError('This Web Annotation file holds no AnnotationCollection, AnnotationPage or Annotation. Nothing was changed.');
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function toRecords(annotation: Annotation, at: string, problems: string[]): { claim: ClaimRecord; page: PageRecord } | null {
  const sourceUrl = typeof annotation.target.source === 'string' ? annotation.target.source : annotation.target.source.id;
  const pageUrl = normalizeUrl(sourceUrl);
  if (!pageUrl) {
    problems.push(`${at}.target.source: expected an http(s) URL`);
    return null;
  }
  const selectors = list(annotation.target.selector);
  const quoteAt = selectors.findIndex((s) => s.type === 'TextQuoteSelector');
  const quote = v.safeParse(quoteSelector, selectors[quoteAt]);
  if (!quote.success) {
    if (quoteAt < 0) problems.push(`${at}.target.selector: no TextQuoteSelector, so the claim's text is unknown`);
    else problems.push(...quote.issues.slice(0, 3).map((issue) => describeIssue(`${at}.target.selector[${quoteAt}]`, issue)));
    return null;
  }
  const positionAt = selectors.findIndex((s) => s.type === 'TextPositionSelector');
  const pos = positionAt < 0 ? null : v.safeParse(positionSelector, selectors[positionAt]);
  if (pos && !pos.success) {
    problems.push(...pos.issues.slice(0, 3).map((issue) => describeIssue(`${at}.target.selector[${positionAt}]`, issue)));
    return null;
  }

  const bodies = list(annotation.body);
  const assessingAt = bodies.findIndex((b) => b.purpose === 'assessing');
  const assessing = bodies[assessingAt];
  const statusValue = assessing?.value ?? 'unreviewed';
  if (!(STATUSES as readonly string[]).includes(statusValue)) {
    problems.push(`${at}.body[${assessingAt}].value: expected ${STATUSES.join(', ').replace(/, (?=[^,]*$)/, ' or ')}, got ${JSON.stringify(statusValue.slice(0, 40))}`);
    return null;
  }
  const status = statusValue as ReviewStatus;
  const note = bodies.find((b) => b.purpose === 'commenting')?.value ?? '';
  const speakerName = bodies.find((b) => b.purpose === 'identifying')?.value?.slice(0, LIMITS.name);

  const created = annotation.created ? Date.parse(annotation.created) : Date.now();
  const updated = annotation.modified ? Date.parse(annotation.modified) : created;
  const reviewed = assessing?.created ? Date.parse(assessing.created) : status === 'unreviewed' && !note ? undefined : updated;
  const exact = quote.output.exact;
  const id = annotation.id?.startsWith(CLAIM_IRI_PREFIX)
    ? decodeURIComponent(annotation.id.slice(CLAIM_IRI_PREFIX.length)).slice(0, LIMITS.id)
    : claimId(pageUrl, annotation.id ?? `${exact}\u0000${quote.output.prefix}`);
  const claim: ClaimRecord = {
    id,
    pageUrl,
    site: siteOf(pageUrl),
    speaker: speakerName ? { name: speakerName, type: 'unknown' } : null,
    // The Web Annotation model has no place for the cue or the kind; a text that opens with a quote mark was quoted.
    cue: '',
    kind: /^["“«‘'„]/.test(exact) ? 'direct' : 'indirect',
    text: exact,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: quote.output.prefix, suffix: quote.output.suffix },
      position: { type: 'TextPositionSelector', start: pos?.output.start ?? 0, end: pos?.output.end ?? 0 },
    },
    status,
    note,
    fingerprint: claimFingerprint(speakerName, exact),
    createdAt: created,
    updatedAt: updated,
    ...(reviewed === undefined ? {} : { reviewedAt: reviewed }),
    anchor: 'anchored',
    manual: false,
    dismissed: false,
  };
  const page: PageRecord = { url: pageUrl, title: '', site: siteOf(pageUrl), firstSeen: created, lastSeen: updated };
  return { claim, page };
}

/**
 * W3C Web Annotations (ours or another tool's) as ClaimTrail records. What the model cannot carry
 * is filled plainly: no page title, speaker type "unknown", empty cue, no review history.
 */
export function parseWebAnnotations(data: unknown): LibrarySnapshot {
  if (!isWebAnnotation(data)) {
    throw new ImportError(`This is not a W3C Web Annotation file (its "@context" is not ${ANNO_CONTEXT}). Nothing was changed.`);
  }
  const { items, at } = annotationItems(data as Record<string, unknown>);
  const problems: string[] = [];
  const pages = new Map<string, PageRecord>();
  const claims = new Map<string, ClaimRecord>();
  for (let i = 0; i < items.length && problems.length < MAX_PROBLEMS; i++) {
    const where = at ? `${at}[${i}]` : '(annotation)';
    const result = v.safeParse(annotationSchema, items[i]);
    if (!result.success) {
      problems.push(...result.issues.slice(0, 3).map((issue) => describeIssue(where, issue)));
      continue;
    }
    const records = toRecords(result.output, where, problems);
    if (!records) continue;
    if (claims.has(records.claim.id)) {
      problems.push(`${where}.id: the same annotation is listed twice`);
      continue;
    }
    claims.set(records.claim.id, records.claim);
    const page = pages.get(records.page.url);
    pages.set(records.page.url, page
      ? { ...page, firstSeen: Math.min(page.firstSeen, records.page.firstSeen), lastSeen: Math.max(page.lastSeen, records.page.lastSeen) }
      : records.page);
  }
  if (problems.length > 0) failWith('Web Annotation', problems);
  return { pages: [...pages.values()], claims: [...claims.values()], reviews: [] };
}
