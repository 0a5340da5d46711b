// @vitest-environment node
/**
 * Properties every detector output must have, whatever the input: random strings, news-shaped
 * token soup, adversarial text (quote floods, mixed quote styles, huge words, control characters,
 * lone surrogates, right-to-left text, blank-line floods) and random block arrays.
 * Runs are kept few so the suite stays fast; PROPERTY_RUNS_SCALE=20 hunts harder.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNews } from '../../../scripts/lib/newsgen';
import { BLOCK_SEPARATOR, detectClaims } from '../../../utils/claims/index';
import type { Claim, DetectionResult, Span } from '../../../utils/claims/types';

const KINDS = new Set(['direct', 'indirect', 'mixed']);
const SPEAKER_TYPES = new Set(['person', 'organization', 'group', 'unknown']);

function checkSpan(span: Span, length: number, what: string): void {
  const [s, e] = span;
  if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= length && s < e)) {
    throw new Error(`${what} span ${JSON.stringify(span)} is not a non-empty span inside [0, ${length}]`);
  }
}

/** Where a claim sits in reading order: its first content or cue offset. */
const position = (c: Claim) => Math.min(c.content[0]?.[0] ?? Infinity, c.cue?.[0] ?? Infinity);

/** Asserts the output contract of detectClaims for one input; throws with the broken rule. */
function checkResult(input: string | readonly string[], result: DetectionResult): void {
  const expectedText = typeof input === 'string' ? input : input.join(BLOCK_SEPARATOR);
  expect(result.text).toBe(expectedText);
  const n = result.text.length;
  const starts = result.blockStarts;
  if (typeof input === 'string') {
    expect(starts[0]).toBe(0);
  } else {
    let at = 0;
    expect(starts).toEqual(input.map((b) => {
      const s = at;
      at += b.length + BLOCK_SEPARATOR.length;
      return s;
    }));
  }
  starts.forEach((s, i) => {
    if (!(s >= 0 && s <= n && (i === 0 || s >= (starts[i - 1] ?? 0)))) throw new Error(`blockStarts out of order or bounds: ${JSON.stringify(starts)}`);
  });
  const ids = new Set<string>();
  let last = -Infinity;
  for (const c of result.claims) {
    if (typeof c.id !== 'string' || !c.id) throw new Error(`claim without an id: ${JSON.stringify(c)}`);
    if (ids.has(c.id)) throw new Error(`duplicate claim id ${c.id}`);
    ids.add(c.id);
    if (!KINDS.has(c.kind)) throw new Error(`unknown kind ${c.kind}`);
    if (!(Number.isFinite(c.confidence) && c.confidence >= 0 && c.confidence <= 1)) throw new Error(`confidence ${c.confidence} outside [0, 1]`);
    if (!c.content.length) throw new Error(`claim ${c.id} has no content`);
    c.content.forEach((sp, i) => {
      checkSpan(sp, n, `content[${i}] of ${c.id}`);
      const prev = c.content[i - 1];
      if (prev && sp[0] < prev[1]) throw new Error(`content of ${c.id} not ordered/non-overlapping: ${JSON.stringify(c.content)}`);
    });
    if (c.cue) checkSpan(c.cue, n, `cue of ${c.id}`);
    if (c.source) checkSpan(c.source, n, `source of ${c.id}`);
    if (c.speaker !== null) {
      if (typeof c.speaker.name !== 'string' || !c.speaker.name.trim()) throw new Error(`speaker of ${c.id} has no name`);
      if (!SPEAKER_TYPES.has(c.speaker.type)) throw new Error(`speaker type ${c.speaker.type}`);
    }
    const at = position(c);
    if (at < last) throw new Error(`claims not in reading order at ${c.id}`);
    last = at;
  }
}

/** The contract, determinism included: a second run gives a deep-equal result (same ids). */
function checkInput(input: string | readonly string[]): number {
  const result = detectClaims(input);
  checkResult(input, result);
  expect(detectClaims(input)).toEqual(result);
  return result.claims.length;
}

// --- generators ------------------------------------------------------------------------------

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const rawString = fc.string({ unit: anyCodeUnit, maxLength: 400 });

const WORDS = [
  'said', 'says', 'told', 'according', 'to', 'that', 'he', 'she', 'they', 'it', 'believes', 'warned', 'denied', 'added',
  'Allawi', 'Ayad', 'Marta', 'Delgado', 'Mr.', 'Dr.', 'President', 'the', 'ministry', 'officials', 'a', 'senior', 'official',
  'report', 'statement', 'company’s', 'spokesman', 'Reuters', 'in', 'an', 'interview', 'Monday', 'is', 'was', 'reported',
  'expected', 'goodbye', 'Follow', 'on', 'Twitter', 'By', 'U.S.', 'rain', 'will', 'come', 'soon', 'not', 'I', 'we',
];
const PUNCT = ['.', ',', ':', ';', '?', '!', '—', '–', '-', '(', ')', '…', '"', '“', '”', '‘', '’', "'", "''", '«', '»', '„'];
const SEPS = [' ', ' ', ' ', ' ', '', '\n', '\n\n', '\t', '\u00A0', '\r\n'];
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const newsish = fc.array(fc.tuple(token, fc.constantFrom(...SEPS)), { maxLength: 120 }).map((ts) => ts.map(([t, s]) => t + s).join(''));

const quoteFlood = fc.tuple(fc.constantFrom('"', '“', '”', '«', "''", '„', '‘'), fc.integer({ min: 1, max: 12_000 })).map(([q, n]) => q.repeat(n));
const mixedQuotes = fc.array(fc.constantFrom('“', '”', '"', "''", '«', '»', '‘', '’', "'", ' said ', ' he ', 'Allawi', ',', '.', '\n\n'), { maxLength: 400 }).map((xs) => xs.join(''));
const hugeWord = fc.tuple(fc.constantFrom('a', 'A', 'x1', 'é', '😀', '-'), fc.integer({ min: 1000, max: 60_000 }), newsish).map(([u, n, tail]) => `${tail} ${u.repeat(n)} said ${tail}`);
const controlChars = fc.array(fc.oneof(fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), fc.constantFrom('\u007F', '\u200B', '\uFEFF', '\u2028', '\u2029', 'said', '“', '”', 'He')), { maxLength: 300 }).map((xs) => xs.join(''));
const loneSurrogates = fc.array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), fc.constantFrom('“quote,” he said. ', 'said ', '😀', ' ')), { maxLength: 200 }).map((xs) => xs.join(''));
const rtl = fc.array(fc.constantFrom('قال', 'الوزير', 'إن', '«', '»', 'אמר', 'השר', '“', '”', '\u200F', '\u202E', '.', ' ', 'said', 'Allawi', '\n\n'), { maxLength: 300 }).map((xs) => xs.join(' '));
const blankLines = fc.tuple(fc.integer({ min: 1, max: 20_000 }), newsish).map(([n, t]) => `${t}${'\n'.repeat(n)}${t}${' \n'.repeat(n >> 2)}“${t}`);
const adversarial = fc.oneof(quoteFlood, mixedQuotes, hugeWord, controlChars, loneSurrogates, rtl, blankLines);

/** Cuts of generated news (scripts/lib/newsgen.ts): real reporting shapes, cut anywhere. */
const newsCut = fc.tuple(fc.nat(1000), fc.nat(3000), fc.integer({ min: 1, max: 3000 })).map(([seed, start, len]) => generateNews(6000, seed).slice(start, start + len));

const blockText = fc.oneof({ weight: 3, arbitrary: newsish }, { weight: 3, arbitrary: newsCut }, { weight: 1, arbitrary: rawString }, { weight: 1, arbitrary: mixedQuotes });
const blocks = fc.array(blockText, { maxLength: 8 });

const SCALE = Math.max(1, Number(process.env.PROPERTY_RUNS_SCALE) || 1);
const runs = (n: number) => ({ numRuns: n * SCALE });
const RUNS = runs(150);

// --- properties --------------------------------------------------------------------------------

describe('detectClaims properties', () => {
  it('keeps its contract on random strings of any code units', () => {
    fc.assert(fc.property(rawString, (t) => void checkInput(t)), RUNS);
  });

  it('keeps its contract on news-shaped token soup', () => {
    fc.assert(fc.property(newsish, (t) => void checkInput(t)), runs(300));
  });

  it('keeps its contract on cuts of generated news, where it does find claims', () => {
    let claims = 0;
    fc.assert(fc.property(newsCut, (t) => {
      claims += checkInput(t);
    }), RUNS);
    // Otherwise the span checks above would hold vacuously.
    expect(claims).toBeGreaterThan(0);
  });

  it('keeps its contract on adversarial text', () => {
    fc.assert(fc.property(adversarial, (t) => void checkInput(t)), runs(80));
  });

  it('keeps its contract on block arrays', () => {
    fc.assert(fc.property(blocks, (bs) => void checkInput(bs)), RUNS);
  });

  it('gives the same claims for blocks as for the same text joined by blank lines', () => {
    // Blocks without blank lines of their own: the string form then has the same paragraphs.
    const plainBlocks = fc.array(fc.oneof(newsish, newsCut).map((t) => t.replace(/\n\s*\n/g, '\n')), { maxLength: 8 });
    fc.assert(
      fc.property(plainBlocks, (bs) => {
        expect(detectClaims(bs).claims).toEqual(detectClaims(bs.join(BLOCK_SEPARATOR)).claims);
      }),
      RUNS,
    );
  });

  it('handles the named worst cases outright', () => {
    for (const input of [
      '',
      '"'.repeat(10_000),
      '“'.repeat(10_000),
      'said '.repeat(20_000),
      '\n'.repeat(50_000),
      `“${'no end '.repeat(20_000)}`,
      '\uD800\uDC00\uDC00\uD800',
      [],
      [''],
      ['', '', ''],
    ] as (string | string[])[]) {
      checkInput(input);
    }
  });
});
