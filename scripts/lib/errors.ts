/**
 * Error analysis for `npm run eval -- --errors N`: which gold attributions were missed, which
 * claims matched nothing, which matched with the wrong source, and the cue words behind each —
 * the list a detector author works through next. Output goes to the terminal only: it quotes
 * corpus text, which must never be committed.
 */
import type { Span } from '../../utils/claims/types';
import type { DocumentOutcome, GoldKind, RoleSpans, ScoredDocument } from './metrics';
import { goldKind, headWord, sourceText } from './metrics';
import { renderTable } from './table';

export interface ErrorExample {
  doc: string;
  kind: GoldKind | null;
  source: string;
  cue: string;
  content: string;
  /** For a wrong source: what the prediction said. */
  predicted?: string;
}

const SNIPPET = 160;

function snippet(text: string, spans: readonly Span[]): string {
  const s = spans.map(([a, b]) => text.slice(a, b).replace(/\s+/g, ' ').trim()).join(' … ');
  return s.length > SNIPPET ? s.slice(0, SNIPPET - 1) + '…' : s;
}

const cueKey = (text: string, cue: readonly Span[]) => snippet(text, cue).toLowerCase() || '(no cue)';

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Every k-th item, so a short list samples the whole corpus rather than its first article. */
export function spread<T>(xs: readonly T[], n: number): T[] {
  if (n <= 0) return [];
  if (xs.length <= n) return [...xs];
  const step = xs.length / n;
  return Array.from({ length: n }, (_, i) => xs[Math.floor(i * step)] as T);
}

export function topCounts(counts: ReadonlyMap<string, number>, n: number): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

export class ErrorCollector {
  readonly missed: ErrorExample[] = [];
  readonly falsePositives: ErrorExample[] = [];
  readonly wrongSource: ErrorExample[] = [];
  readonly missedCues = new Map<string, number>();
  readonly falsePositiveCues = new Map<string, number>();

  add(doc: ScoredDocument, outcome: DocumentOutcome): void {
    const { text } = doc;
    const example = (a: RoleSpans, kind: GoldKind | null): ErrorExample => ({
      doc: doc.id,
      kind,
      source: snippet(text, a.source),
      cue: snippet(text, a.cue),
      content: snippet(text, a.content),
    });
    const foundP = new Set(outcome.found.map(([i]) => i));
    const foundG = new Set(outcome.found.map(([, j]) => j));
    doc.gold.forEach((g, j) => {
      if (foundG.has(j)) return;
      this.missed.push(example(g, goldKind(text, g.content)));
      bump(this.missedCues, cueKey(text, g.cue));
    });
    doc.pred.forEach((p, i) => {
      if (foundP.has(i)) return;
      this.falsePositives.push(example(p, null));
      bump(this.falsePositiveCues, cueKey(text, p.cue));
    });
    for (const [i, j] of outcome.found) {
      const p = doc.pred[i];
      const g = doc.gold[j];
      if (!p || !g) continue;
      const gs = sourceText(text, g.source);
      const ps = sourceText(text, p.source);
      const predictedHead = ps ? headWord(ps) : '';
      // Exactly the pairs the source-head metric does not count as right.
      if (gs === '' || (predictedHead !== '' && predictedHead === headWord(gs))) continue;
      this.wrongSource.push({ ...example(g, goldKind(text, g.content)), predicted: ps || '(none)' });
    }
  }

  toJSON(n: number) {
    return {
      missed: this.missed.length,
      falsePositives: this.falsePositives.length,
      wrongSource: this.wrongSource.length,
      topMissedCues: topCounts(this.missedCues, n),
      topFalsePositiveCues: topCounts(this.falsePositiveCues, n),
      examples: { missed: spread(this.missed, n), falsePositives: spread(this.falsePositives, n), wrongSource: spread(this.wrongSource, n) },
    };
  }

  render(n: number): string {
    const section = (title: string, rows: ErrorExample[], total: number, withPred = false) =>
      `${title} (${rows.length} of ${total})\n` +
      renderTable(
        [
          { header: 'article', maxWidth: 34 },
          { header: 'kind' },
          { header: withPred ? 'gold source → predicted' : 'source', maxWidth: 28 },
          { header: 'cue', maxWidth: 16 },
          { header: 'content', maxWidth: 60 },
        ],
        rows.map((r) => [r.doc, r.kind ?? '', withPred ? `${r.source} → ${r.predicted ?? ''}` : r.source, r.cue, r.content]),
      );
    const cues = (title: string, counts: Map<string, number>) =>
      `${title}: ${topCounts(counts, n).map(([c, k]) => `${c} ${k}`).join(' · ')}`;
    return [
      cues('most missed gold cues', this.missedCues),
      cues('most frequent cues of unmatched claims', this.falsePositiveCues),
      '',
      section('missed gold attributions', spread(this.missed, n), this.missed.length),
      '',
      section('claims matching no gold attribution', spread(this.falsePositives, n), this.falsePositives.length),
      '',
      section('found, but the source head differs', spread(this.wrongSource, n), this.wrongSource.length, true),
    ].join('\n');
  }
}
