/** Readable rendering of a ScoreReport, with the targets marked pass/fail. */
import type { MetricName, ScoreReport } from './metrics';
import { GOLD_KINDS, METRICS } from './metrics';
import { renderTable } from './table';

/** PolNeAR dev targets from the detector issue (F1, percent). */
export const F1_TARGETS: Partial<Record<MetricName, number>> = {
  found: 75,
  'content-overlap': 70,
  'source-head': 70,
  'content-exact': 50,
};

export interface TargetCheck {
  metric: MetricName;
  target: number;
  f1: number | null;
  pass: boolean;
}

export function checkTargets(report: ScoreReport): TargetCheck[] {
  return METRICS.flatMap((metric) => {
    const target = F1_TARGETS[metric];
    if (target === undefined) return [];
    const f1 = report.metrics[metric].f1;
    return [{ metric, target, f1, pass: f1 !== null && f1 >= target }];
  });
}

const fx = (x: number | null) => (x === null ? '-' : x.toFixed(1));

export function renderScoreReport(report: ScoreReport): string {
  const targets = new Map(checkTargets(report).map((t) => [t.metric, t]));
  const metricRows = METRICS.map((m) => {
    const s = report.metrics[m];
    const t = targets.get(m);
    return [m, fx(s.p), fx(s.r), fx(s.f1), String(s.tp), String(s.pred), String(s.gold), t ? `F1 ≥ ${t.target} ${t.pass ? 'pass' : 'FAIL'}` : ''];
  });
  const metricTable = renderTable(
    [
      { header: 'metric' },
      { header: 'P', align: 'right' },
      { header: 'R', align: 'right' },
      { header: 'F1', align: 'right' },
      { header: 'tp', align: 'right' },
      { header: 'pred', align: 'right' },
      { header: 'gold', align: 'right' },
      { header: 'target' },
    ],
    metricRows,
  );
  const kindRows = GOLD_KINDS.flatMap((k) => {
    const v = report.byKind[k];
    return v ? [[k, String(v.n), fx(v.foundR), fx(v.exactR)]] : [];
  });
  const kindTable = renderTable(
    [{ header: 'gold kind' }, { header: 'n', align: 'right' }, { header: 'found R', align: 'right' }, { header: 'exact R', align: 'right' }],
    kindRows,
  );
  return `${metricTable}\n\nrecall by gold kind\n${kindTable}`;
}
