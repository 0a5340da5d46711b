/** Arithmetic on lists of [start, end) spans, shared by the BRAT reader and the metrics. */
import type { Span } from '../../utils/claims/types';

/** Sorts and merges fragments that overlap or touch; keeps empty fragments (callers trim them). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.map(([s, e]): Span => [s, e]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Span[] = [];
  for (const sp of sorted) {
    const last = out[out.length - 1];
    if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
    else out.push(sp);
  }
  return out;
}

/** The converter's normal form for gold spans: empty fragments dropped, then merged. */
export function normaliseGoldSpans(spans: readonly Span[]): Span[] {
  return mergeSpans(spans.filter(([s, e]) => e > s));
}

export function spansLength(spans: readonly Span[]): number {
  let n = 0;
  for (const [s, e] of spans) n += e - s;
  return n;
}

/** Characters shared by two span lists (each assumed merged, so nothing counts twice). */
export function intersection(a: readonly Span[], b: readonly Span[]): number {
  let n = 0;
  for (const [s, e] of a) for (const [t, u] of b) n += Math.max(0, Math.min(e, u) - Math.max(s, t));
  return n;
}

/** Character Jaccard; two empty lists agree perfectly. */
export function jaccard(a: readonly Span[], b: readonly Span[]): number {
  if (!a.length && !b.length) return 1;
  const i = intersection(a, b);
  return i / (spansLength(a) + spansLength(b) - i);
}
