// @vitest-environment node
/**
 * `npm run eval` must report the numbers the reference tools report on the same data:
 * shared/tools/polnear-convert.mjs (BRAT → JSONL) + score-attributions.mjs. The corpus is invented
 * here (never corpus text) and exercises the reading rules: discontinuous and multi-paragraph
 * spans, several annotators, astral characters, NYT '' quotes, cue-only and source-only events.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimRoles } from '../../scripts/lib/batch';
import { readBratSplit } from '../../scripts/lib/brat';
import type { ScoreReport } from '../../scripts/lib/metrics';
import { AttributionScorer } from '../../scripts/lib/metrics';
import type { ArticleSpec, AttributionSpec } from './brat-corpus';
import { locateAll, writeBratCorpus } from './brat-corpus';
import { CLI_TIMEOUT, repoRoot, runScript } from './run-script';

const toolsDir = path.resolve(repoRoot, '../shared/tools');
const CONVERT = path.join(toolsDir, 'polnear-convert.mjs');
const SCORE = path.join(toolsDir, 'score-attributions.mjs');
const haveTools = fs.existsSync(CONVERT) && fs.existsSync(SCORE);
if (!haveTools) console.warn(`eval-agreement: SKIPPED — the reference tools are not at ${toolsDir}`);

const ALPHA = `Harbor Authority Plans New Ferry Route

The city's harbor authority will open a ferry route to the northern islands next spring, its director said on Tuesday.

“We have waited a decade for this,” said Marta Delgado, the authority's director. “The boats are ordered and the crews are hired.”

Residents were less certain. According to a survey by the island council, most households want cheaper fares first.

Delgado said that fares would stay at current levels for at least two years.
`;

const BRAVO = `Storm Update 🌧️

''The river will crest overnight,'' the mayor told reporters 🚨 at a briefing. She added that shelters were open.

Officials fear the levee could fail, but engineers disagree.
`;

const CHARLIE = `The senator spoke at length at the rally.

“This bill is about families. It is about the parents who work two jobs.

“And it is about their children,” she said.

Her opponent called the proposal “a costly mistake” in a statement on Wednesday.

The governor's spokesman: “No comment.”
`;

const DELTA = 'Weather: sunny, 21 degrees. Tides: high at 6:40.\n';

const articles: ArticleSpec[] = [
  {
    id: 'invented_alpha',
    text: ALPHA,
    annotations: {
      '3e4f': [
        { source: 'its director', cue: ['said', 0], content: "The city's harbor authority will open a ferry route to the northern islands next spring," },
        {
          source: "Marta Delgado, the authority's director",
          cue: ['said', 1],
          content: ['We have waited a decade for this,', 'The boats are ordered and the crews are hired.'],
        },
        { source: 'a survey by the island council', cue: 'According to', content: 'most households want cheaper fares first.' },
        { source: ['Delgado', 1], cue: ['said', 2], content: 'that fares would stay at current levels for at least two years' },
      ],
      // A second annotator, alphabetically later: must be ignored by both readers.
      '9a0b': [{ source: 'Residents', cue: 'were less certain', content: 'Residents were less certain.' }],
    },
  },
  {
    id: 'invented_bravo',
    text: BRAVO,
    annotations: {
      c001: [
        { source: 'the mayor', cue: 'told', content: 'The river will crest overnight,' },
        { source: 'She', cue: 'added', content: 'that shelters were open' },
        { source: 'Officials', cue: 'fear', content: 'the levee could fail' },
        { source: 'engineers', cue: 'disagree' }, // no content: gold kind "none"
        { source: 'Storm' }, // neither cue nor content: dropped
      ],
    },
  },
  {
    id: 'invented_charlie',
    text: CHARLIE,
    annotations: {
      d00d: [
        { source: ['she', 0], cue: 'said', content: 'This bill is about families. It is about the parents who work two jobs.\n\n“And it is about their children,' },
        { source: 'Her opponent', cue: 'called', content: 'the proposal “a costly mistake”' },
        { source: "The governor's spokesman", cue: ':', content: '“No comment.”' },
      ],
    },
  },
  { id: 'invented_delta', text: DELTA, annotations: { '0000': [] } },
];

/** Predictions of an imagined system: right, partly right, wrong source, duplicates, misses, noise. */
const predictions: Record<string, AttributionSpec[]> = {
  invented_alpha: [
    { source: 'Marta Delgado', cue: ['said', 1], content: ['“We have waited a decade for this,”', '“The boats are ordered and the crews are hired.”'] },
    { source: 'director', cue: ['said', 0], content: "The city's harbor authority will open a ferry route" },
    { content: 'Residents were less certain.' },
    { source: 'Marta Delgado', cue: ['said', 1], content: '“We have waited a decade for this,”' },
    { source: ['Delgado', 1], cue: ['said', 2], content: 'fares would stay at current levels for at least two years.' },
  ],
  invented_bravo: [
    { source: 'the mayor', cue: 'told', content: "''The river will crest overnight,''" },
    { source: 'reporters', cue: 'added', content: 'shelters were open' },
    { source: 'engineers', cue: 'disagree', content: 'engineers disagree' },
  ],
  invented_charlie: [
    { source: 'she', cue: 'said', content: 'And it is about their children,' },
    { source: "The governor's spokesman", cue: ':', content: '“No comment.”' },
    { cue: 'spoke', content: 'at length at the rally' },
  ],
  invented_delta: [{ source: 'Tides', cue: 'Tides:', content: 'high at 6:40' }],
  invented_echo: [{ content: 'no such article' }],
};

function predictionRoles(id: string, text: string): ClaimRoles[] {
  return (predictions[id] ?? []).map((p) => ({
    source: locateAll(text, p.source),
    cue: locateAll(text, p.cue),
    content: locateAll(text, p.content),
  }));
}

/** Runs a reference tool with node; its stderr becomes the failure message. */
function runNode(args: string[]): string {
  try {
    return execFileSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (e) {
    const stderr = (e as { stderr?: unknown }).stderr;
    throw new Error(`${path.basename(args[0] ?? '')} failed:\n${typeof stderr === 'string' ? stderr : String(e)}`);
  }
}

/** Runs one of our scripts, which must succeed. */
function runOurs(script: string, args: string[], input?: string): string {
  const r = runScript(script, args, input);
  if (r.status !== 0) throw new Error(`${script} exited ${r.status}:\n${r.stderr}`);
  return r.stdout;
}

type ReferenceReport = ScoreReport & { unknownPredIds: number };

describe.skipIf(!haveTools)('eval agrees with the reference tools in ../shared/tools', () => {
  let dir = '';
  let goldJsonl = '';
  let predJsonl = '';
  let reference: ReferenceReport;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-agreement-'));
    writeBratCorpus(path.join(dir, 'data'), 'dev', articles);
    runNode([CONVERT, '--in', path.join(dir, 'data'), '--out', path.join(dir, 'jsonl'), '--splits', 'dev', '--samples', '0', '--quiet=1']);
    goldJsonl = path.join(dir, 'jsonl', 'dev.jsonl');
    predJsonl = path.join(dir, 'pred.jsonl');
    const lines = articles.map((a) => JSON.stringify({ id: a.id, claims: predictionRoles(a.id, a.text) }));
    lines.push(JSON.stringify({ id: 'invented_echo', claims: [{ source: [], cue: [], content: [[0, 3]] }] }));
    fs.writeFileSync(predJsonl, lines.join('\n') + '\n');
    reference = JSON.parse(runNode([SCORE, '--gold', goldJsonl, '--pred', predJsonl, '--json'])) as ReferenceReport;
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds a corpus that exercises every metric and gold kind (so agreement means something)', () => {
    expect(reference.docs).toBe(4);
    expect(reference.attributions).toBe(11);
    expect(Object.keys(reference.byKind).sort()).toEqual(['direct', 'indirect', 'mixed', 'none']);
    for (const m of Object.values(reference.metrics)) {
      expect(m.tp).toBeGreaterThan(0);
      expect(m.tp).toBeLessThan(Math.max(m.pred, m.gold));
    }
  });

  it('reads the same gold from BRAT as the converter', () => {
    const converted = fs.readFileSync(goldJsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; annotator: string; attributions: unknown });
    const ours = [...readBratSplit(path.join(dir, 'data'), 'dev')];
    expect(ours.map((a) => a.problems)).toEqual(ours.map(() => []));
    expect(ours.map(({ id, text, annotator, attributions }) => ({ id, text, annotator, attributions }))).toEqual(
      converted.map(({ id, text, annotator, attributions }) => ({ id, text, annotator, attributions })),
    );
  });

  it('computes the same report as the reference scorer (library)', () => {
    const scorer = new AttributionScorer();
    for (const a of readBratSplit(path.join(dir, 'data'), 'dev')) {
      scorer.addDocument({ id: a.id, text: a.text, gold: a.attributions, pred: predictionRoles(a.id, a.text) });
    }
    const { unknownPredIds, ...expected } = reference;
    expect(unknownPredIds).toBe(1);
    expect(scorer.report()).toEqual(expected);
  });

  it('prints the same numbers from `eval --pred` as the reference scorer (CLI)', () => {
    const out = JSON.parse(runOurs('eval', ['--brat', path.join(dir, 'data'), '--split', 'dev', '--pred', predJsonl, '--json'])) as ReferenceReport;
    expect({ docs: out.docs, attributions: out.attributions, claims: out.claims, unknownPredIds: out.unknownPredIds, metrics: out.metrics, byKind: out.byKind }).toEqual(reference);
  }, CLI_TIMEOUT);

  it('scores the detector as `detect --jsonl` + the reference scorer do', () => {
    const batch = runOurs('detect', ['--jsonl'], fs.readFileSync(goldJsonl, 'utf8'));
    const detectorPred = path.join(dir, 'detector.jsonl');
    fs.writeFileSync(detectorPred, batch);
    const viaReference = JSON.parse(runNode([SCORE, '--gold', goldJsonl, '--pred', detectorPred, '--json'])) as ReferenceReport;
    const viaEval = JSON.parse(runOurs('eval', ['--brat', path.join(dir, 'data'), '--json'])) as ReferenceReport;
    expect(viaEval.claims).toBeGreaterThan(0);
    expect(viaEval.claims).toBe(viaReference.claims);
    expect(viaEval.metrics).toEqual(viaReference.metrics);
    expect(viaEval.byKind).toEqual(viaReference.byKind);
  }, 2 * CLI_TIMEOUT);
});
