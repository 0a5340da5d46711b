import { describe, expect, it } from 'vitest';
import { joinBlocks } from '../../../utils/page/article-text';
import { extractBlocksSync } from '../../../utils/page/blocks';
import { articleOffset } from '../../../utils/page/selection';

describe('articleOffset', () => {
  it('maps DOM boundary points back to offsets in the article text', () => {
    document.body.innerHTML = '<div id="root"><p>First   <em>para</em>graph.</p><p>Second one.</p></div>';
    const root = document.getElementById('root') as HTMLElement;
    const article = joinBlocks(extractBlocksSync(root));
    expect(article.text).toBe('First paragraph.\n\nSecond one.');
    const em = root.querySelector('em')?.firstChild as Text;
    expect(articleOffset(article, em, 0, 'start')).toBe(article.text.indexOf('para'));
    const second = root.querySelectorAll('p')[1]?.firstChild as Text;
    expect(articleOffset(article, second, 6, 'end')).toBe(article.text.indexOf('Second') + 6);
    // Inside collapsed whitespace: snaps to the neighbouring character.
    const first = root.querySelector('p')?.firstChild as Text;
    expect(articleOffset(article, first, 7, 'start')).toBe(6);
    // An element boundary: the paragraph element before its first child.
    expect(articleOffset(article, root.querySelectorAll('p')[1] as Element, 0, 'start')).toBe(article.text.indexOf('Second'));
  });

  it('says null for a point outside the article text', () => {
    document.body.innerHTML = '<div id="root"><p>Inside.</p></div><p id="out">Outside.</p>';
    const article = joinBlocks(extractBlocksSync(document.getElementById('root') as HTMLElement));
    expect(articleOffset(article, document.getElementById('out')?.firstChild as Text, 0, 'start')).toBeNull();
  });
});
