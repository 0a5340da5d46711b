/**
 * npm run eval -- --brat DIR [--split dev|train] [--json] [--pred PRED.jsonl]
 *
 * Scores the detector against a BRAT corpus laid out as PolNeAR's data/ folder, with the metrics
 * of shared/tools/score-attributions.mjs (and the same numbers). With --pred, scores a batch
 * output file (`npm run detect -- --jsonl`, or another system's) instead of running the detector.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { detectClaims } from '../utils/claims/index';
import type { ClaimRoles } from './lib/batch';
import { parseBatchOutput, toBatchClaim } from './lib/batch';
import { readBratSplit } from './lib/brat';
import { ErrorCollector } from './lib/errors';
import { AttributionScorer, InvalidSpanError } from './lib/metrics';
import { checkTargets, renderScoreReport } from './lib/report';

const USAGE = `usage: npm run eval -- --brat DIR [--split dev|train] [--json] [--pred PRED.jsonl] [--errors N] [--allow-test]
  --pred FILE   score a batch output file (npm run detect -- --jsonl) instead of running the detector
  --errors N    also list N missed attributions, N unmatched claims, N wrong sources and the top N cues`;
const SHOWN_PROBLEMS = 10;

function die(message: string): never {
  console.error(`eval: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseCli() {
  try {
    return parseArgs({
      options: {
        brat: { type: 'string' },
        split: { type: 'string', default: 'dev' },
        json: { type: 'boolean' },
        pred: { type: 'string' },
        errors: { type: 'string' },
        'allow-test': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    return die(e instanceof Error ? e.message : String(e));
  }
}

function loadPredictions(file: string): Map<string, ClaimRoles[]> {
  try {
    return parseBatchOutput(fs.readFileSync(file, 'utf8').split('\n'), file);
  } catch (e) {
    return die(e instanceof Error ? e.message : String(e));
  }
}

function main(): void {
  const args = parseCli();
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!args.brat) die('--brat DIR is required');
  const split = args.split;
  // The test split is held out: tuning against it, even by glancing at a score, spoils it.
  if (split === 'test' && !args['allow-test']) die('the test split is held out; pass --allow-test to score it deliberately');
  for (const sub of ['text', 'attributions']) {
    if (!fs.existsSync(path.join(args.brat, split, sub))) die(`no ${path.join(args.brat, split, sub)} (expected DIR/<split>/{text,attributions})`);
  }
  const predictions = args.pred ? loadPredictions(args.pred) : null;
  const errorCount = args.errors === undefined ? 0 : Number(args.errors);
  if (!Number.isInteger(errorCount) || errorCount < 0) die('--errors takes a count');
  const errors = errorCount ? new ErrorCollector() : null;

  const scorer = new AttributionScorer();
  const seen = new Set<string>();
  let problems = 0;
  let detectMs = 0;
  let chars = 0;
  try {
    for (const article of readBratSplit(args.brat, split)) {
      seen.add(article.id);
      for (const p of article.problems) {
        if (problems++ < SHOWN_PROBLEMS) console.error(`eval: warn: ${split}/${article.id}_${article.annotator}: ${p}`);
      }
      let pred: ClaimRoles[];
      if (predictions) {
        pred = predictions.get(article.id) ?? [];
      } else {
        const t0 = performance.now();
        const result = detectClaims(article.text);
        detectMs += performance.now() - t0;
        chars += article.text.length;
        if (result.text !== article.text) die(`${article.id}: the detector returned offsets into a different text`);
        pred = result.claims.map(toBatchClaim);
      }
      const doc = { id: article.id, text: article.text, gold: article.attributions, pred };
      const outcome = scorer.addDocument(doc);
      errors?.add(doc, outcome);
    }
  } catch (e) {
    if (e instanceof InvalidSpanError) die(e.message);
    throw e;
  }
  if (problems > SHOWN_PROBLEMS) console.error(`eval: warn: ${problems - SHOWN_PROBLEMS} more annotation problems not shown`);
  const unknownPredIds = predictions ? [...predictions.keys()].filter((id) => !seen.has(id)).length : 0;

  const report = scorer.report();
  const source = predictions ? args.pred : 'detector';
  if (args.json) {
    console.log(JSON.stringify({
      corpus: args.brat, split, predictions: source, ...report, unknownPredIds,
      ...(predictions ? {} : { detectMs: Math.round(detectMs * 10) / 10, chars }),
      targets: checkTargets(report), annotationProblems: problems,
      ...(errors ? { errors: errors.toJSON(errorCount) } : {}),
    }));
    return;
  }
  console.log(`${args.brat} ${split}: ${report.docs} articles, ${report.attributions} gold attributions; ` +
    `${source}: ${report.claims} claims` + (unknownPredIds ? ` (+${unknownPredIds} ids not in this split, ignored)` : ''));
  if (!predictions) console.log(`detector time ${detectMs.toFixed(0)} ms for ${(chars / 1e6).toFixed(2)} M chars`);
  console.log('');
  console.log(renderScoreReport(report));
  if (errors) console.log(`\n${errors.render(errorCount)}`);
}

main();
