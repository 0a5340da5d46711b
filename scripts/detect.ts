/**
 * npm run detect -- FILE...           readable table of the claims in each text file ("-" = stdin)
 * npm run detect -- --json FILE...    the same as JSON, with the text of every span
 * npm run detect -- --jsonl           batch: {"id","text"} lines on stdin → {"id","claims"} lines
 *                                     on stdout (see scripts/lib/batch.ts for the format)
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { detectClaims } from '../utils/claims/index';
import type { Claim, Span } from '../utils/claims/types';
import { runBatch } from './lib/batch';
import { renderTable } from './lib/table';

const USAGE = `usage: npm run detect -- [--json] FILE...   (FILE "-" reads stdin)
       npm run detect -- --jsonl < in.jsonl > out.jsonl`;

function die(message: string): never {
  console.error(`detect: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseCli() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return die(e instanceof Error ? e.message : String(e));
  }
}

// `| head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

function writeOut(chunk: string): Promise<void> | void {
  if (process.stdout.write(chunk)) return;
  return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

async function batch(): Promise<void> {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  const summary = await runBatch(lines, detectClaims, writeOut, (lineNo, result) => {
    console.error(`detect: stdin line ${lineNo}${result.id === null ? '' : ` (id ${JSON.stringify(result.id)})`}: ${result.error}`);
  });
  if (summary.errors) {
    console.error(`detect: ${summary.errors} of ${summary.lines} lines failed (each answered with "claims": [] and an "error")`);
    process.exitCode = 1;
  }
}

function readInput(file: string): string {
  const text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

const spanText = (text: string, span: Span) => text.slice(span[0], span[1]);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function claimJson(text: string, claim: Claim) {
  return {
    id: claim.id,
    kind: claim.kind,
    confidence: claim.confidence,
    speaker: claim.speaker,
    source: claim.source && { span: claim.source, text: spanText(text, claim.source) },
    cue: { span: claim.cue, text: spanText(text, claim.cue) },
    content: claim.content.map((span) => ({ span, text: spanText(text, span) })),
  };
}

function claimTable(text: string, claims: readonly Claim[]): string {
  const width = process.stdout.columns && process.stdout.columns > 80 ? process.stdout.columns : 120;
  const fixed = 3 + 24 + 14 + 8 + 4 + 2 * 6;
  const rows = claims.map((c, i) => {
    const speaker = c.speaker ? c.speaker.name + (c.speaker.role ? ` (${c.speaker.role})` : '') : '—';
    const mention = c.source ? oneLine(spanText(text, c.source)) : '';
    const who = mention && mention !== c.speaker?.name ? `${speaker}\n[“${mention}”]` : speaker;
    return [
      String(i + 1),
      who,
      oneLine(spanText(text, c.cue)),
      c.kind,
      c.content.map((s) => oneLine(spanText(text, s))).join(' … '),
      c.confidence.toFixed(2),
    ];
  });
  return renderTable(
    [
      { header: '#', align: 'right' },
      { header: 'speaker (role) [mention]', maxWidth: 24 },
      { header: 'cue', maxWidth: 14 },
      { header: 'kind' },
      { header: 'content', maxWidth: Math.max(30, width - fixed) },
      { header: 'conf', align: 'right' },
    ],
    rows,
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseCli();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.jsonl) {
    if (positionals.length || values.json) die('--jsonl reads stdin and takes no other arguments');
    await batch();
    return;
  }
  if (!positionals.length) die('no input files');
  const results = [];
  for (const file of positionals) {
    let text: string;
    try {
      text = readInput(file);
    } catch (e) {
      console.error(`detect: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
      continue;
    }
    const { claims, text: detected } = detectClaims(text);
    if (values.json) {
      results.push({ file, claims: claims.map((c) => claimJson(detected, c)) });
      continue;
    }
    if (positionals.length > 1) console.log(`\n== ${file}`);
    console.log(claims.length ? claimTable(detected, claims) : '(no claims found)');
    console.log(`${claims.length} claim${claims.length === 1 ? '' : 's'} in ${text.length.toLocaleString('en')} characters`);
  }
  if (values.json) await writeOut(JSON.stringify(results, null, 2) + '\n');
}

await main();
