// @vitest-environment node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBratSplit } from '../../scripts/lib/brat';
import { AttributionScorer } from '../../scripts/lib/metrics';
import type { ScoreReport } from '../../scripts/lib/metrics';
import { locate, writeBratCorpus } from './brat-corpus';
import { CLI_TIMEOUT, runScript } from './run-script';

const text = 'Fares will rise next year, the council said on Monday.\n\n“We have no choice,” said Jane Roe, the council leader.';

describe('npm run eval', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  writeBratCorpus(dir, 'dev', [
    {
      id: 'invented_fares',
      text,
      annotations: {
        a0a0: [
          { source: 'the council', cue: 'said', content: 'Fares will rise next year,' },
          { source: 'Jane Roe, the council leader', cue: ['said', 1], content: 'We have no choice,' },
        ],
      },
    },
  ]);
  const pred = path.join(dir, 'pred.jsonl');
  const claims = [{ source: [locate(text, 'Jane Roe')], cue: [locate(text, 'said')], content: [locate(text, 'Fares will rise next year')] }];
  fs.writeFileSync(pred, JSON.stringify({ id: 'invented_fares', claims }) + '\n');

  it('--pred --json reports what the metrics library computes for that file', () => {
    const scorer = new AttributionScorer();
    for (const a of readBratSplit(dir, 'dev')) scorer.addDocument({ id: a.id, text: a.text, gold: a.attributions, pred: claims });
    const r = runScript('eval', ['--brat', dir, '--pred', pred, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as ScoreReport & { split: string; targets: unknown[] };
    const expected = scorer.report();
    expect(out).toMatchObject({ split: 'dev', docs: 1, attributions: 2, claims: 1 });
    expect(out.metrics).toEqual(expected.metrics);
    expect(out.metrics.found.tp).toBe(1);
    expect(out.metrics['source-head'].tp).toBe(0);
    expect(out.targets).toHaveLength(4);
  }, CLI_TIMEOUT);

  it('prints a readable table, with error analysis on request', () => {
    const r = runScript('eval', ['--brat', dir, '--pred', pred, '--errors', '3']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^found\s+100\.0\s+50\.0\s+66\.7\s+1\s+1\s+2\s+F1 ≥ 75 FAIL$/m);
    expect(r.stdout).toMatch(/missed gold attributions \(1 of 1\)/);
    expect(r.stdout).toMatch(/the council → Jane Roe/);
  }, CLI_TIMEOUT);

  it('keeps the test split held out unless asked, and explains a missing corpus', () => {
    const test = runScript('eval', ['--brat', dir, '--split', 'test']);
    expect(test.status).toBe(2);
    expect(test.stderr).toMatch(/held out/);
    const missing = runScript('eval', ['--brat', path.join(dir, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/expected DIR\/<split>\/\{text,attributions\}/);
  }, 2 * CLI_TIMEOUT);
});
