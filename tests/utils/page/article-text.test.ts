import { describe, expect, it } from 'vitest';
import { joinBlocks, joinBlocksInSlices } from '../../../utils/page/article-text';
import { extractBlocksSync } from '../../../utils/page/blocks';

describe('joinBlocksInSlices', () => {
  it('gives the same article text and block starts as joinBlocks, pausing between parts', async () => {
    document.body.innerHTML = `<article>${Array.from({ length: 1203 }, (_, i) => `<p>Paragraph ${i} said “yes”.</p>`).join('')}</article>`;
    const blocks = extractBlocksSync(document.querySelector('article') as Element);
    let pauses = 0;
    const sliced = await joinBlocksInSlices(blocks, () => {
      pauses += 1;
    });
    expect(sliced).toEqual(joinBlocks(blocks));
    expect(pauses).toBe(3);
  });
});
