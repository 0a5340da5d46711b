/**
 * The way from the DOM back to the article text: where a selection boundary falls in the text the
 * detector saw (for claims the reader tracks by hand).
 */
import type { ArticleText } from './article-text';

/** A boundary inside an element (not a text node) moved to the nearest text node in document order. */
function toTextPoint(node: Node, offset: number, side: 'start' | 'end'): { node: Text; offset: number } | null {
  if (node.nodeType === 3) return { node: node as Text, offset };
  const doc = node.ownerDocument;
  if (!doc) return null;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* SHOW_TEXT */);
  const child = node.childNodes[offset] ?? null;
  walker.currentNode = child ?? node;
  if (side === 'start') {
    // First text node at or after the boundary.
    const first = child && child.nodeType === 3 ? child : walker.nextNode();
    return first ? { node: first as Text, offset: 0 } : null;
  }
  // Last text node before the boundary.
  if (!child) {
    let last: Node | null = null;
    for (let next = walker.nextNode(); next && node.contains(next); next = walker.nextNode()) last = next;
    return last ? { node: last as Text, offset: (last as Text).length } : null;
  }
  const previous = walker.previousNode();
  return previous ? { node: previous as Text, offset: (previous as Text).length } : null;
}

/** Offset in `article.text` of a DOM boundary point, or null when it is outside the extracted text. */
export function articleOffset(article: ArticleText, node: Node, offset: number, side: 'start' | 'end'): number | null {
  const point = toTextPoint(node, offset, side);
  if (!point) return null;
  let best: number | null = null;
  article.blocks.forEach((block, index) => {
    if (best !== null) return;
    const blockStart = article.blockStarts[index] ?? 0;
    for (const run of block.runs) {
      if (run.node !== point.node) continue;
      const inRun = point.offset - run.nodeStart;
      // Inside this run, or in collapsed whitespace just before/after it.
      if (inRun < 0) {
        best = blockStart + run.start;
        return;
      }
      if (inRun <= run.length) {
        best = blockStart + run.start + inRun;
        return;
      }
      best = blockStart + run.start + run.length;
    }
  });
  return best;
}
