import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateArticle, seededRandom } from '../../../scripts/lib/newsgen';
import { detectClaims } from '../../../utils/claims';
import { BLOCK_SEPARATOR, type Claim, type DetectionResult } from '../../../utils/claims/types';
import { joinBlocks, type ArticleText } from '../../../utils/page/article-text';
import type { Block } from '../../../utils/page/blocks';
import { contextStart, createArticleDetector, segmentBlocks, type SegmentSizes } from '../../../utils/page/detect-article';

function article(texts: string[]): ArticleText {
  const element = document.createElement('p');
  return joinBlocks(texts.map((text): Block => ({ element, text, runs: [], heading: false })));
}

const paragraphs = (text: string) => text.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== '');

/** Small segments, so a test-sized article is split into many. */
const SPLIT: SegmentSizes = { wholeChars: 0, segmentChars: 4_000, contextChars: 2_000 };

/** A fake detector: every block containing "said" is one claim over that whole block. */
function fakeDetect(blocks: readonly string[]): DetectionResult {
  const text = blocks.join(BLOCK_SEPARATOR);
  const blockStarts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    blockStarts.push(offset);
    offset += block.length + BLOCK_SEPARATOR.length;
  }
  const claims = blocks.flatMap((block, index) => {
    const start = blockStarts[index] ?? 0;
    if (!block.includes('said')) return [];
    return [{ id: `c${start}`, kind: 'indirect' as const, content: [[start, start + block.length] as [number, number]], cue: [start, start + 4] as [number, number], source: null, speaker: null, confidence: 1 }];
  });
  return { text, blockStarts, claims };
}

/** Everything but the resolved speaker. */
const located = ({ speaker: _speaker, ...rest }: Claim) => rest;

describe('segmentBlocks', () => {
  it('groups whole blocks up to the size limit, never splitting a block', () => {
    expect(segmentBlocks(['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10), 'd'.repeat(10)], 25)).toEqual([[0, 2], [2, 4]]);
    expect(segmentBlocks(['a'.repeat(50), 'b'.repeat(5)], 25)).toEqual([[0, 1], [1, 2]]);
    expect(segmentBlocks([], 25)).toEqual([]);
  });

  it('never starts a segment at a paragraph that opens with a quote mark (it may continue a quote)', () => {
    const texts = ['a'.repeat(10), 'b'.repeat(10), '“Still quoting.', '«Encore.', 'Narration again.', 'x'];
    expect(segmentBlocks(texts, 25)).toEqual([[0, 4], [4, 6]]);
    for (const [first] of segmentBlocks(texts, 25)) expect(texts[first]).not.toMatch(/^[“«]/);
  });
});

describe('contextStart', () => {
  it('reaches back over whole blocks up to the limit', () => {
    expect(contextStart([10, 10, 10], 3, 24)).toBe(1);
    expect(contextStart([10, 10, 10], 3, 5)).toBe(3);
    expect(contextStart([10, 10, 10], 0, 100)).toBe(0);
  });
});

describe('createArticleDetector', () => {
  it('gives exactly the claims of one detector call over all blocks for an article up to the whole-call size', async () => {
    const seed = paragraphs(readFileSync(join(__dirname, '../../fixtures/seed-article.txt'), 'utf8'));
    const long = paragraphs(generateArticle(seededRandom(3), 60_000));
    for (const texts of [seed, long]) {
      const detect = vi.fn(detectClaims);
      const claims = await createArticleDetector(detect).detect(article(texts));
      expect(detect).toHaveBeenCalledTimes(1);
      expect(claims.length).toBeGreaterThan(0);
      expect(claims).toEqual(detectClaims(texts).claims);
    }
  });

  it('splits a bigger article without changing any claim’s spans, kind, confidence or id', async () => {
    const texts = paragraphs(generateArticle(seededRandom(7), 60_000));
    const detect = vi.fn(detectClaims);
    const claims = await createArticleDetector(detect, SPLIT).detect(article(texts));
    expect(detect.mock.calls.length).toBeGreaterThan(10);
    // Multi-paragraph quotes are in this text, and must come out whole.
    const whole = detectClaims(texts).claims;
    expect(whole.some((claim) => claim.content.length > 1)).toBe(true);
    expect(claims.map(located)).toEqual(whole.map(located));
    expect(new Set(claims.map((claim) => claim.id)).size).toBe(claims.length);
  });

  it('numbers a claim repeated in different segments as one call does, instead of giving both one id', async () => {
    const repeated = '“No,” she said.';
    const texts = [repeated, 'x'.repeat(5_000), 'Narration.', repeated];
    const claims = await createArticleDetector(detectClaims, SPLIT).detect(article(texts));
    const whole = detectClaims(texts).claims;
    expect(whole).toHaveLength(2);
    expect(claims.map((claim) => claim.id)).toEqual(whole.map((claim) => claim.id));
    expect(claims[0]?.id).not.toBe(claims[1]?.id);
  });

  it('may pause after numbering each claim, not only after hundreds', async () => {
    const texts = Array.from({ length: 40 }, (_, index) => `Speaker ${index} said so.`);
    let pauses = 0;
    const claims = await createArticleDetector(fakeDetect, { wholeChars: 0, segmentChars: 200, contextChars: 0 }).detect(article(texts), () => {
      pauses += 1;
    });
    const segments = segmentBlocks(texts, 200).length;
    expect(claims).toHaveLength(40);
    // Before each segment, once after the last, and once after each claim's id.
    expect(pauses).toBe(segments + 1 + claims.length);
  });

  it('maps segment-local spans to offsets in the whole article text', async () => {
    const texts = ['Alpha said one.', 'Narration here.', 'Beta said two.', 'Gamma said three.'];
    const page = article(texts);
    const claims = await createArticleDetector(fakeDetect, { wholeChars: 0, segmentChars: 20, contextChars: 20 }).detect(page);
    expect(claims.map((claim) => page.text.slice(...(claim.content[0] as [number, number])))).toEqual([
      'Alpha said one.',
      'Beta said two.',
      'Gamma said three.',
    ]);
  });

  it('runs the detector again only for segments whose text changed', async () => {
    const detect = vi.fn(fakeDetect);
    const detector = createArticleDetector(detect, { wholeChars: 0, segmentChars: 20, contextChars: 0 });
    await detector.detect(article(['Alpha said one.', 'Beta said two.', 'Gamma said three.']));
    expect(detector.lastCalls).toBe(3);
    await detector.detect(article(['Alpha said one.', 'Beta said two.', 'Gamma said three.', 'Delta said four.']));
    expect(detector.lastCalls).toBe(1);
    expect(detect).toHaveBeenCalledTimes(4);
  });
});
