/**
 * Describing a claim's place in the article text, and finding it again on a later visit.
 *
 * Safety rule for verification: only an exact match of the stored quote is 'anchored'. A fuzzy match
 * merely proposes where the claim went ('changed', with the text now there), and a fuzzy match that is
 * not backed by its surroundings is treated as a different sentence ('orphaned') rather than risk
 * attaching a verdict to a lookalike (hypothesis/client#7571, hypothesis/h#2634).
 */
import search from 'approx-string-match';
import type { ClaimSelectors } from './types';

export type { ClaimSelectors, TextPositionSelector, TextQuoteSelector, AnchorState } from './types';

/** Context length stored on either side of the quote (as Hypothesis does). */
export const CONTEXT_LENGTH = 32;

export type AnchorResult =
  | { state: 'anchored'; start: number; end: number }
  | { state: 'changed'; start: number; end: number; currentText: string }
  | { state: 'orphaned' };

export function describe(text: string, start: number, end: number): ClaimSelectors {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(s, e),
      prefix: text.slice(Math.max(0, s - CONTEXT_LENGTH), s),
      suffix: text.slice(e, e + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}

/** Weights from Hypothesis' match-quote.ts: the quote dominates, context disambiguates, position breaks ties. */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
/** Beyond this many exact occurrences the quote is too generic for context to choose reliably. */
const MAX_EXACT_CANDIDATES = 1000;
/** A proposal may differ from the stored quote in at most this share of its characters. */
export const MAX_CHANGED_ERROR_RATE = 0.3;
/** Context (prefix or suffix) must agree at least this much for a fuzzy proposal to stand. */
export const MIN_CONTEXT_SIMILARITY = 0.5;

/** Similarity (0..1) of `pattern` to the best approximate occurrence in `text`. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1;
  if (text.length === 0) return 0;
  const matches = search(text, pattern, pattern.length);
  if (matches.length === 0) return 0;
  const errors = Math.min(...matches.map((m) => m.errors));
  return 1 - errors / pattern.length;
}

interface ContextScores {
  prefix: number;
  suffix: number;
}

function contextScores(text: string, start: number, end: number, selectors: ClaimSelectors): ContextScores {
  const { prefix, suffix } = selectors.quote;
  return {
    prefix: similarity(text.slice(Math.max(0, start - prefix.length), start), prefix),
    suffix: similarity(text.slice(end, end + suffix.length), suffix),
  };
}

function positionScore(text: string, start: number, selectors: ClaimSelectors): number {
  if (text.length === 0) return 1;
  return 1 - Math.abs(start - selectors.position.start) / text.length;
}

function score(quote: number, ctx: ContextScores, position: number): number {
  return (
    (WEIGHT.quote * quote + WEIGHT.prefix * ctx.prefix + WEIGHT.suffix * ctx.suffix + WEIGHT.position * position) /
    (WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position)
  );
}

/**
 * Whether the surroundings confirm a fuzzy candidate is the claim's own place. Empty stored context
 * (claim at the start or end of the article) carries no evidence, so only the other side counts;
 * with no context at all the quote alone decides.
 */
function contextSupports(ctx: ContextScores, selectors: ClaimSelectors): boolean {
  const { prefix, suffix } = selectors.quote;
  const sides: number[] = [];
  if (prefix.length > 0) sides.push(ctx.prefix);
  if (suffix.length > 0) sides.push(ctx.suffix);
  return sides.length === 0 || Math.max(...sides) >= MIN_CONTEXT_SIMILARITY;
}

function exactOccurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(exact); i !== -1 && found.length < MAX_EXACT_CANDIDATES; i = text.indexOf(exact, i + 1)) {
    found.push(i);
  }
  return found;
}

export function anchor(text: string, selectors: ClaimSelectors): AnchorResult {
  const { exact } = selectors.quote;
  if (exact.length === 0) return { state: 'orphaned' };

  const { start, end } = selectors.position;
  if (end - start === exact.length && text.slice(start, end) === exact) return { state: 'anchored', start, end };

  const occurrences = exactOccurrences(text, exact);
  if (occurrences.length > 0) {
    let best = { start: -1, score: -1 };
    for (const at of occurrences) {
      const s = score(1, contextScores(text, at, at + exact.length, selectors), positionScore(text, at, selectors));
      if (s > best.score) best = { start: at, score: s };
    }
    return { state: 'anchored', start: best.start, end: best.start + exact.length };
  }

  return fuzzyProposal(text, selectors);
}

/**
 * approx-string-match reports only the globally lowest-error matches, so a lookalike sentence
 * elsewhere can hide the claim's own, more heavily edited place. Searching the neighbourhood of
 * the stored position as well keeps that candidate in play.
 */
function fuzzyCandidates(text: string, exact: string, around: number): { start: number; end: number; errors: number }[] {
  const maxErrors = Math.min(256, Math.floor(exact.length / 2));
  const from = Math.max(0, around - exact.length);
  const to = Math.min(text.length, around + 2 * exact.length);
  const local = from < to ? search(text.slice(from, to), exact, maxErrors) : [];
  return [
    ...search(text, exact, maxErrors),
    ...local.map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors })),
  ];
}

function fuzzyProposal(text: string, selectors: ClaimSelectors): AnchorResult {
  const { exact } = selectors.quote;
  let best: { start: number; end: number; score: number } | null = null;
  for (const c of fuzzyCandidates(text, exact, selectors.position.start)) {
    if (c.end <= c.start || c.errors / exact.length > MAX_CHANGED_ERROR_RATE) continue;
    const ctx = contextScores(text, c.start, c.end, selectors);
    if (!contextSupports(ctx, selectors)) continue;
    const s = score(1 - c.errors / exact.length, ctx, positionScore(text, c.start, selectors));
    if (!best || s > best.score) best = { start: c.start, end: c.end, score: s };
  }
  if (!best) return { state: 'orphaned' };
  return { state: 'changed', start: best.start, end: best.end, currentText: text.slice(best.start, best.end) };
}
