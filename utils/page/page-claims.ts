/**
 * The claims a page shows: what the detector found, merged with what the reader stored on earlier
 * visits. Pure over text and records (no DOM), so the rules that decide whether a verdict still
 * applies are unit-tested: an exact re-anchor keeps the verdict, an inexact one is shown as "text
 * changed since reviewed" (verdict not carried), no match is an orphan.
 */
import { describe, type AnchorResult } from '../anchoring';
import type { ClaimSelectors } from '../anchoring/types';
import type { Claim, Span } from '../claims/types';
import { claimId, hash64 } from '../db/fingerprint';
import type { ClaimRecord, ReviewStatus, StoredSpeaker } from '../db/types';
import type { AnchorReport, ClaimSnapshot, EarlierVerdict, PageClaim } from '../messaging/protocol';

/**
 * A claim as the page shows it: the PageClaim the popup is sent (`claimId`, the database id from page
 * URL and detector id; `snapshot`, the claim as stored, for a changed claim the reviewed text), and
 * what painting and reviewing it take besides, which toPageClaim drops.
 */
export interface ClaimView extends PageClaim {
  /** Content spans in the article text: what gets painted. */
  spans: Span[];
  /** Cue and source spans: emphasised together with the content when the claim is focused. */
  context: Span[];
  /** The claim as the page shows it now: what a review from the card is about. */
  current: ClaimSnapshot;
}

/** Fragments of one claim are shown joined like this (same as the stored `text`). */
export const FRAGMENT_JOINER = ' … ';

function speakerOf(claim: Claim, text: string): StoredSpeaker | null {
  if (!claim.speaker) return null;
  const speaker: StoredSpeaker = { name: claim.speaker.name, type: claim.speaker.type };
  if (claim.speaker.role) speaker.role = claim.speaker.role;
  if (claim.source) speaker.mention = text.slice(claim.source[0], claim.source[1]);
  return speaker;
}

export interface DetectedInput {
  text: string;
  claims: readonly Claim[];
  pageUrl: string;
  /** [start, end) of heading blocks: claims whose content lies only in headings are dropped. */
  headings: readonly Span[];
}

// Spans are read by index in this file's per-claim code: destructuring takes an iterator per call
// until the code is optimized, and a big page's first few thousand claims run before it is.
function insideAny(span: Span, areas: readonly Span[]): boolean {
  return areas.some((area) => span[0] >= area[0] && span[1] <= area[1]);
}

/** The view of one detected claim, or null when it has no text outside the headings. */
export function detectedView(claim: Claim, { text, pageUrl, headings }: Omit<DetectedInput, 'claims'>): ClaimView | null {
  // The detector's own array when every fragment has text (it does, but for a degenerate claim).
  const hasText = (span: Span) => span[1] > span[0];
  const spans = claim.content.every(hasText) ? claim.content : claim.content.filter(hasText);
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (!first || !last || spans.every((span) => insideAny(span, headings))) return null;
  const context: Span[] = [];
  context.push(claim.cue);
  if (claim.source) context.push(claim.source);
  const snapshot: ClaimSnapshot = {
    detectorId: claim.id,
    kind: claim.kind,
    speaker: speakerOf(claim, text),
    cue: text.slice(claim.cue[0], claim.cue[1]),
    // One fragment (nearly every claim): a slice of the article text, not a joined copy of it.
    text: first === last ? text.slice(first[0], first[1]) : spans.map((span) => text.slice(span[0], span[1])).join(FRAGMENT_JOINER),
    selectors: describe(text, first[0], last[1]),
    confidence: claim.confidence,
    manual: false,
  };
  return {
    claimId: claimId(pageUrl, claim.id),
    spans,
    context,
    snapshot,
    current: snapshot,
    status: 'unreviewed',
    note: '',
    anchor: 'anchored',
  };
}

export function detectedViews(input: DetectedInput): ClaimView[] {
  const views: ClaimView[] = [];
  for (const claim of input.claims) {
    const view = detectedView(claim, input);
    if (view) views.push(view);
  }
  return views;
}

/** Manual claims are named by their text, so the same selection tracked twice is one claim. */
export function manualDetectorId(text: string): string {
  return `manual:${hash64(text)}`;
}

export function snapshotOfRecord(record: ClaimRecord, detectorId: string): ClaimSnapshot {
  return {
    detectorId,
    kind: record.kind,
    speaker: record.speaker,
    cue: record.cue,
    text: record.text,
    selectors: record.selectors,
    confidence: 1,
    manual: record.manual,
  };
}

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function extent(view: ClaimView): Span {
  return [startOf(view), view.spans[view.spans.length - 1]?.[1] ?? 0];
}

/** Where a claim's text starts: the reading order the page shows claims in. */
function startOf(view: ClaimView): number {
  return view.spans[0]?.[0] ?? 0;
}

export interface MergedClaims {
  /** In reading order. */
  views: ClaimView[];
  orphans: ClaimRecord[];
  anchors: AnchorReport['anchors'];
}

/** Stored records without a detected twin (same id, same text): they must be anchored in the text. */
export function unmatchedRecords(detected: readonly ClaimView[], stored: readonly ClaimRecord[]): ClaimRecord[] {
  if (stored.length === 0) return [];
  const texts = new Map(detected.map((view) => [view.claimId, view.snapshot.text]));
  return stored.filter((record) => texts.get(record.id) !== record.text);
}

/**
 * The exact anchors that need no search: the stored position still holds the quote, or the quote
 * occurs once in the text. utils/anchoring's anchor() gives the same answer in both cases; anything
 * else (several occurrences to choose from by context, or a fuzzy proposal) is left to it.
 */
export function plainAnchor(text: string, selectors: ClaimSelectors): AnchorResult | null {
  const { exact } = selectors.quote;
  const { start, end } = selectors.position;
  if (exact.length > 0 && end - start === exact.length && text.slice(start, end) === exact) return { state: 'anchored', start, end };
  const at = exact.length > 0 ? text.indexOf(exact) : -1;
  if (at === -1 || text.indexOf(exact, at + 1) !== -1) return null;
  return { state: 'anchored', start: at, end: at + exact.length };
}

/**
 * Applies stored records to the detected claims. A record with a detected twin (same id) lends it its
 * state; otherwise the record is found in the text with `locate` (null: not known yet, the record is
 * left out) and, if found, replaces any detection it overlaps (so one sentence never shows twice).
 */
export function mergeStored(
  text: string,
  detected: readonly ClaimView[],
  stored: readonly ClaimRecord[],
  earlier: Readonly<Record<string, EarlierVerdict>>,
  locate: (record: ClaimRecord) => AnchorResult | null,
): MergedClaims {
  // No earlier verdicts (most pages): no lookup per view, each of which hashes a fresh id string.
  const anyEarlier = Object.keys(earlier).length > 0;
  const withEarlier = (view: ClaimView): ClaimView => {
    const verdict = anyEarlier ? earlier[view.snapshot.detectorId] : undefined;
    return verdict && verdict.claimId !== view.claimId ? { ...view, earlier: verdict } : view;
  };
  // Views are copied only where a record or an earlier verdict changes them, and with nothing stored
  // (a first visit) merging is one pass: a big page's 7,000 views took ~20 ms through the maps below.
  if (stored.length === 0) return { views: detected.map(withEarlier).sort((a, b) => startOf(a) - startOf(b)), orphans: [], anchors: [] };
  const byId = new Map(detected.map((view) => [view.claimId, view]));
  const orphans: ClaimRecord[] = [];
  const anchors: AnchorReport['anchors'] = [];
  const hidden = new Set<string>();
  const fromRecords: ClaimView[] = [];

  // Records whose detection is on the page under the same id: they lend it their state.
  const backed = new Set<string>();
  // The rest, as unmatchedRecords finds them, but from byId: one map of the views per merge, not two.
  const rest: ClaimRecord[] = [];
  for (const record of stored) {
    const found = byId.get(record.id);
    if (found?.snapshot.text !== record.text) {
      rest.push(record);
      continue;
    }
    const twin = { ...found, status: record.status, note: record.note };
    byId.set(twin.claimId, twin);
    backed.add(twin.claimId);
    if (record.dismissed) hidden.add(twin.claimId);
    anchors.push({ claimId: record.id, anchor: 'anchored' });
  }

  for (const record of rest) {
    const found = locate(record);
    if (!found) continue;
    if (found.state === 'orphaned') {
      anchors.push({ claimId: record.id, anchor: 'orphaned' });
      if (!record.dismissed) orphans.push(record);
      continue;
    }
    const span: Span = [found.start, found.end];
    const covered = [...byId.values()].filter((view) => overlaps(extent(view), span));
    // A newer record already covers this text (the reader reviewed the claim as it reads now).
    if (covered.some((view) => backed.has(view.claimId))) continue;
    // A detection at the same place is the same claim under another detector id: the record wins.
    for (const view of covered) hidden.add(view.claimId);
    if (byId.has(record.id)) hidden.add(record.id);
    if (record.dismissed) continue;
    const detectorId =
      covered[0]?.snapshot.detectorId ?? (record.manual ? manualDetectorId(record.text) : `stored:${record.id}`);
    const snapshot = snapshotOfRecord(record, detectorId);
    const currentText = text.slice(found.start, found.end);
    // Only an exact match of the stored quote is 'anchored'; record.text joins fragments and is no yardstick.
    const isChanged = found.state === 'changed';
    const current: ClaimSnapshot = isChanged
      ? { ...snapshot, text: currentText, selectors: describe(text, found.start, found.end) }
      : snapshot;
    const view: ClaimView = {
      claimId: record.id,
      spans: [span],
      context: covered[0]?.context ?? [],
      snapshot,
      current,
      status: record.status,
      note: record.note,
      anchor: isChanged ? 'changed' : 'anchored',
    };
    if (isChanged) view.currentText = currentText;
    fromRecords.push(view);
    anchors.push(isChanged ? { claimId: record.id, anchor: 'changed', currentText } : { claimId: record.id, anchor: 'anchored' });
  }

  const views: ClaimView[] = [];
  for (const view of byId.values()) if (!hidden.has(view.claimId)) views.push(withEarlier(view));
  for (const view of fromRecords) views.push(withEarlier(view));
  views.sort((a, b) => startOf(a) - startOf(b));
  return { views, orphans, anchors };
}

/** How the claim paints: a changed claim never shows its old verdict's colour. */
export function paintStatusOf(view: ClaimView): ReviewStatus | 'changed' {
  return view.anchor === 'changed' ? 'changed' : view.status;
}

export function toPageClaim({ spans: _spans, context: _context, current: _current, ...claim }: ClaimView): PageClaim {
  return claim;
}

/** Claims still waiting for a verdict (changed ones included: their old verdict does not count). */
export function toReviewCount(views: Iterable<ClaimView>): number {
  // Counted in place: a big page's views are a Map of thousands, not to be copied for a number.
  let count = 0;
  for (const view of views) if (view.anchor === 'changed' || view.status === 'unreviewed') count += 1;
  return count;
}
