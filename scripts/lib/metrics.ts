/**
 * The attribution metrics of the detector issue, computed exactly as the reference scorer
 * (shared/tools/score-attributions.mjs) computes them, so `npm run eval` and the reference agree
 * to the last digit on the same predictions. See that file's header for the definitions; in short:
 *
 *   found                  contents overlap by ≥ 50% of the longer one, or cues share a character;
 *                          one-to-one greedy matching ranked by summed content/cue/source Jaccard
 *   content-exact          normalised content fragments identical (own one-to-one matching)
 *   content-overlap        overlapping content characters of `found` pairs over all content chars
 *   content-overlap|found  the same over the content chars of the `found` pairs only
 *   source-exact/-head     over `found` pairs: normalised source text / head word agrees
 *   byKind                 recall of found and content-exact per gold kind (direct/mixed/indirect)
 *
 * Normalisation: content and source fragments lose surrounding whitespace and quote marks and
 * trailing punctuation; content loses a leading "that "; cues lose whitespace only.
 */
import type { Span } from '../../utils/claims/types';
import { intersection, jaccard, mergeSpans, spansLength } from './spans';

/** One attribution (gold) or claim (prediction): each role a list of fragments, maybe empty. */
export interface RoleSpans {
  source: readonly Span[];
  cue: readonly Span[];
  content: readonly Span[];
}

export interface ScoredDocument {
  id: string;
  text: string;
  gold: readonly RoleSpans[];
  pred: readonly RoleSpans[];
}

export const METRICS = ['found', 'content-exact', 'content-overlap', 'content-overlap|found', 'source-exact', 'source-head'] as const;
export type MetricName = (typeof METRICS)[number];

export const GOLD_KINDS = ['direct', 'mixed', 'indirect', 'none'] as const;
export type GoldKind = (typeof GOLD_KINDS)[number];

/** Percentages rounded to 2 decimals; null means 0/0. */
export interface MetricScore {
  p: number | null;
  r: number | null;
  f1: number | null;
  tp: number;
  pred: number;
  gold: number;
}

export interface KindRecall {
  n: number;
  foundR: number | null;
  exactR: number | null;
}

/** Same shape as the reference scorer's --json output. */
export interface ScoreReport {
  docs: number;
  attributions: number;
  claims: number;
  metrics: Record<MetricName, MetricScore>;
  byKind: Partial<Record<GoldKind, KindRecall>>;
}

export class InvalidSpanError extends Error {}

/** [prediction index, gold index] pairs of one document. */
export interface DocumentOutcome {
  found: [number, number][];
  exact: [number, number][];
}

const QUOTES = '"\'\u201C\u201D\u2018\u2019\u00AB\u00BB\u201E\u201F\u2039\u203A';
const CONTENT_LEAD = new RegExp(`[\\s${QUOTES}]`);
const CONTENT_TAIL = new RegExp(`[\\s${QUOTES}.,;:!?\u2026\u2014\u2013-]`);
const CUE_EDGE = /\s/;
const LEADING_THAT = /^that(?:\s+|$)/;

type Role = keyof RoleSpans;

/** Validates, merges and trims one role's fragments (see the module header). */
export function normaliseRole(text: string, spans: readonly Span[], role: Role, where = ''): Span[] {
  for (const sp of spans) {
    const ok = Array.isArray(sp) && Number.isInteger(sp[0]) && Number.isInteger(sp[1]) && sp[0] >= 0 && sp[1] >= sp[0] && sp[1] <= text.length;
    if (!ok) throw new InvalidSpanError(`${where ? where + ': ' : ''}bad ${role} span ${JSON.stringify(sp)} (text length ${text.length})`);
  }
  const merged = mergeSpans(spans);
  const lead = role === 'cue' ? CUE_EDGE : CONTENT_LEAD;
  const tail = role === 'cue' ? CUE_EDGE : CONTENT_TAIL;
  const out: Span[] = [];
  merged.forEach(([start, end], k) => {
    let s = start;
    let e = end;
    const trim = () => {
      while (s < e && lead.test(text.charAt(s))) s++;
      while (e > s && tail.test(text.charAt(e - 1))) e--;
    };
    trim();
    if (role === 'content' && out.length === 0) {
      // PolNeAR includes the complementiser; a content that is only "that" keeps it.
      const m = LEADING_THAT.exec(text.slice(s, e));
      if (m && (s + m[0].length < e || k < merged.length - 1)) {
        s += m[0].length;
        trim();
      }
    }
    if (e > s) out.push([s, e]);
  });
  return out;
}

const CAPITALISED = /^\p{Lu}/u;
const LEADING_DETERMINER = /^(?:The|A|An|This|These|Those|Some)$/;
const RELATIVE = /^(?:who|which|that)$/i;

/**
 * The head word of a source mention, lower-cased: parentheses dropped, the first comma-separated
 * part with a capitalised word (skipping relative clauses), its last capitalised token, no
 * possessive. "Iraqi Vice President Ayad Allawi" → "allawi"; "the company's spokesman" → "spokesman".
 */
export function headWord(source: string): string {
  const parts = source
    .replace(/\([^)]*\)/g, ' ')
    .split(',')
    .map((p) => p.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []);
  const usable = parts.filter((t) => t.length && !RELATIVE.test(t[0] ?? ''));
  const caps = (tokens: readonly string[]) =>
    tokens.filter((w, i) => CAPITALISED.test(w) && !(i === 0 && tokens.length > 1 && LEADING_DETERMINER.test(w)));
  const part = usable.find((t) => caps(t).length) ?? usable[0] ?? parts.flat();
  const word = caps(part).pop() ?? part[part.length - 1] ?? '';
  return word.replace(/['’]s$|['’.]$/u, '').toLowerCase();
}

const OPEN_QUOTES = '"\u201C\u201E\u00AB\u201F';
const CLOSE_QUOTES = '"\u201D\u00BB\u201C';
const ANY_DOUBLE_QUOTE = /["\u201C\u201D\u201E\u201F\u00AB\u00BB]/;
const FRAGMENT_TAIL = /[\s.,;:!?\u2014\u2013-]/;

/**
 * The gold kind of an attribution from its raw content spans: direct when every fragment is
 * wrapped in double quotes (a paragraph-final fragment may leave its quote open, the news
 * convention for multi-paragraph quotes), mixed when some quote marks appear, else indirect.
 * NYT's two-apostrophe quote mark counts as a double quote.
 */
export function goldKind(text: string, content: readonly Span[]): GoldKind {
  if (!content.length) return 'none';
  const qtext = text.includes("''") ? text.replace(/''/g, '""') : text; // same length, offsets hold
  const isOpen = (c: string | undefined) => c !== undefined && c !== '' && OPEN_QUOTES.includes(c);
  const isClose = (c: string | undefined) => c !== undefined && c !== '' && CLOSE_QUOTES.includes(c);
  let anyQuote = false;
  let allQuoted = true;
  for (const [s, e] of content) {
    let a = s;
    let b = e;
    while (a < b && /\s/.test(qtext.charAt(a))) a++;
    while (b > a && FRAGMENT_TAIL.test(qtext.charAt(b - 1))) b--;
    const frag = qtext.slice(a, b);
    let j = a - 1;
    while (j >= 0 && qtext[j] === ' ') j--;
    const opens = isOpen(frag[0]) || (j >= 0 && isOpen(qtext[j]));
    const closes = [frag[frag.length - 1], qtext[e], qtext[b]].some(isClose);
    if (ANY_DOUBLE_QUOTE.test(frag) || opens) anyQuote = true;
    if (!(opens && (closes || /\n\s*$/.test(qtext.slice(e, e + 3))))) allQuoted = false;
  }
  return allQuoted ? 'direct' : anyQuote ? 'mixed' : 'indirect';
}

interface Prepared {
  content: Span[];
  cue: Span[];
  source: Span[];
  src: string;
  head: string;
  clen: number;
  /** Identity of the normalised content, null when there is none. */
  key: string | null;
}

/** The normalised source text the source metrics compare (fragments joined by a space). */
export function sourceText(text: string, source: readonly Span[], where = ''): string {
  return normaliseRole(text, source, 'source', where).map(([s, e]) => text.slice(s, e)).join(' ');
}

function prepare(text: string, a: RoleSpans, where: string): Prepared {
  const content = normaliseRole(text, a.content, 'content', where);
  const source = normaliseRole(text, a.source, 'source', where);
  const cue = normaliseRole(text, a.cue, 'cue', where);
  const src = sourceText(text, a.source, where);
  return { content, cue, source, src, head: src && headWord(src), clen: spansLength(content), key: content.length ? JSON.stringify(content) : null };
}

function isFound(p: Prepared, g: Prepared): boolean {
  // Half of the longer content: a sentence-long guess must not swallow a short gold claim.
  const longer = Math.max(p.clen, g.clen);
  return (longer > 0 && intersection(p.content, g.content) >= 0.5 * longer) || intersection(p.cue, g.cue) > 0;
}

/** One-to-one greedy matching: best-scoring pairs first (ties: lower indices), each side once. */
export function greedyMatch<P, G>(
  preds: readonly P[],
  golds: readonly G[],
  ok: (p: P, g: G) => boolean,
  score: (p: P, g: G) => number,
): [number, number][] {
  const cand: [number, number, number][] = [];
  preds.forEach((p, i) => golds.forEach((g, j) => {
    if (ok(p, g)) cand.push([score(p, g), i, j]);
  }));
  cand.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of cand) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

function count<T>(xs: readonly T[], f: (x: T) => number | boolean): number {
  let n = 0;
  for (const x of xs) n += Number(f(x));
  return n;
}

const pct = (a: number, b: number) => (b ? (100 * a) / b : null);
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** Precision/recall/F1 in percent; F1 is 0 when either side is 0, null only when both are 0/0. */
export function prf(tp: number, pred: number, gold: number): MetricScore {
  const p = pct(tp, pred);
  const r = pct(tp, gold);
  const f1 = p && r ? (2 * p * r) / (p + r) : p === null && r === null ? null : 0;
  return { p: round2(p), r: round2(r), f1: round2(f1), tp, pred, gold };
}

/** Accumulates documents one at a time (micro-averaged), so a corpus never sits in memory whole. */
export class AttributionScorer {
  private readonly counts = new Map<MetricName, [number, number, number]>(METRICS.map((m) => [m, [0, 0, 0]]));
  private readonly kinds = new Map<GoldKind, { n: number; found: number; exact: number }>(GOLD_KINDS.map((k) => [k, { n: 0, found: 0, exact: 0 }]));
  private docs = 0;
  private claims = 0;

  private add(metric: MetricName, tp: number, pred: number, gold: number): void {
    const c = this.counts.get(metric);
    if (!c) return;
    c[0] += tp;
    c[1] += pred;
    c[2] += gold;
  }

  /**
   * Scores one document; returns its matchings (indices into doc.pred and doc.gold) for error
   * analysis. Throws InvalidSpanError when a span does not fit the text.
   */
  addDocument(doc: ScoredDocument): DocumentOutcome {
    const { text } = doc;
    const G = doc.gold.map((a) => prepare(text, a, `gold ${doc.id}`));
    const P = doc.pred.map((c) => prepare(text, c, `pred ${doc.id}`));
    this.docs++;
    this.claims += P.length;

    const found = greedyMatch(P, G, isFound, (p, g) => jaccard(p.content, g.content) + jaccard(p.cue, g.cue) + jaccard(p.source, g.source));
    this.add('found', found.length, P.length, G.length);

    const exact = greedyMatch(P, G, (p, g) => p.key !== null && p.key === g.key, () => 1);
    this.add('content-exact', exact.length, count(P, (p) => p.key !== null), count(G, (g) => g.key !== null));

    const pairs = found.map(([i, j]) => [P[i], G[j]] as [Prepared, Prepared]);
    const overlap = count(pairs, ([p, g]) => intersection(p.content, g.content));
    this.add('content-overlap', overlap, count(P, (p) => p.clen), count(G, (g) => g.clen));
    this.add('content-overlap|found', overlap, count(pairs, ([p]) => p.clen), count(pairs, ([, g]) => g.clen));

    const predSources = count(P, (p) => p.src !== '');
    const goldSources = count(G, (g) => g.src !== '');
    this.add('source-exact', count(pairs, ([p, g]) => p.src !== '' && p.src === g.src), predSources, goldSources);
    this.add('source-head', count(pairs, ([p, g]) => p.head !== '' && p.head === g.head), predSources, goldSources);

    const foundG = new Set(found.map(([, j]) => j));
    const exactG = new Set(exact.map(([, j]) => j));
    doc.gold.forEach((a, j) => {
      const k = this.kinds.get(goldKind(text, a.content));
      if (!k) return;
      k.n++;
      k.found += Number(foundG.has(j));
      k.exact += Number(exactG.has(j));
    });
    return { found, exact };
  }

  report(): ScoreReport {
    const metrics = Object.fromEntries(
      METRICS.map((m) => {
        const [tp, pred, gold] = this.counts.get(m) ?? [0, 0, 0];
        return [m, prf(tp, pred, gold)];
      }),
    ) as Record<MetricName, MetricScore>;
    const byKind: Partial<Record<GoldKind, KindRecall>> = {};
    for (const [kind, k] of this.kinds) {
      if (k.n) byKind[kind] = { n: k.n, foundR: round2(pct(k.found, k.n)), exactR: round2(pct(k.exact, k.n)) };
    }
    return { docs: this.docs, attributions: this.counts.get('found')?.[2] ?? 0, claims: this.claims, metrics, byKind };
  }
}
