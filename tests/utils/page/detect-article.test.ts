import { describe, expect, it, vi } from 'vitest';
import { BLOCK_SEPARATOR, type DetectionResult } from '../../../utils/claims/types';
import { joinBlocks, type ArticleText } from '../../../utils/page/article-text';
import type { Block } from '../../../utils/page/blocks';
import { createArticleDetector, segmentBlocks } from '../../../utils/page/detect-article';

function article(texts: string[]): ArticleText {
  const element = document.createElement('p');
  return joinBlocks(texts.map((text): Block => ({ element, text, runs: [], heading: false })));
}

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
    return [{ id: `c${start}`, kind: 'indirect' as const, content: [[start, start + block.length] as [number, number]], cue: null, source: null, speaker: null, confidence: 1 }];
  });
  return { text, blockStarts, claims };
}

describe('segmentBlocks', () => {
  it('groups whole blocks up to the size limit, never splitting a block', () => {
    expect(segmentBlocks([10, 10, 10, 10], 25)).toEqual([[0, 2], [2, 4]]);
    expect(segmentBlocks([50, 5], 25)).toEqual([[0, 1], [1, 2]]);
    expect(segmentBlocks([], 25)).toEqual([]);
  });
});

describe('createArticleDetector', () => {
  it('maps segment-local spans to offsets in the whole article text', async () => {
    const texts = ['Alpha said one.', 'Narration here.', 'Beta said two.', 'Gamma said three.'];
    const page = article(texts);
    const claims = await createArticleDetector(fakeDetect, 20).detect(page);
    expect(claims.map((claim) => page.text.slice(...(claim.content[0] as [number, number])))).toEqual([
      'Alpha said one.',
      'Beta said two.',
      'Gamma said three.',
    ]);
  });

  it('runs the detector again only for segments whose text changed', async () => {
    const detect = vi.fn(fakeDetect);
    const detector = createArticleDetector(detect, 20);
    await detector.detect(article(['Alpha said one.', 'Beta said two.', 'Gamma said three.']));
    expect(detector.lastCalls).toBe(3);
    await detector.detect(article(['Alpha said one.', 'Beta said two.', 'Gamma said three.', 'Delta said four.']));
    expect(detector.lastCalls).toBe(1);
    expect(detect).toHaveBeenCalledTimes(4);
  });
});
