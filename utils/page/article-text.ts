/**
 * The article as the detector sees it (blocks joined with BLOCK_SEPARATOR) and the way back from
 * offsets in that text to DOM positions and Ranges.
 */
import { BLOCK_SEPARATOR } from '../claims/types';
import type { Span } from '../claims/types';
import type { Block, TextRun } from './blocks';

export interface ArticleText {
  blocks: Block[];
  /** blocks' text joined with BLOCK_SEPARATOR: the text TextPosition selectors count in. */
  text: string;
  blockStarts: number[];
}

function blockStartsOf(blocks: readonly Block[]): number[] {
  const blockStarts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    blockStarts.push(offset);
    offset += block.text.length + BLOCK_SEPARATOR.length;
  }
  return blockStarts;
}

export function joinBlocks(blocks: Block[]): ArticleText {
  return { blocks, text: blocks.map((block) => block.text).join(BLOCK_SEPARATOR), blockStarts: blockStartsOf(blocks) };
}

/** Blocks joined per step by joinBlocksInSlices. */
const JOIN_CHUNK = 500;

/**
 * joinBlocks for a big article, a few hundred blocks at a time with `pause` between: joining 1 MB
 * of text at once takes tens of ms. The parts are linked with `+`, which V8 does without copying
 * (the one copy happens when the text is first read, a few ms for 1 MB).
 */
export async function joinBlocksInSlices(blocks: Block[], pause: () => Promise<void> | void): Promise<ArticleText> {
  let text = '';
  for (let from = 0; from < blocks.length; from += JOIN_CHUNK) {
    const part = blocks.slice(from, from + JOIN_CHUNK).map((block) => block.text).join(BLOCK_SEPARATOR);
    text = from === 0 ? part : text + BLOCK_SEPARATOR + part;
    await pause();
  }
  return { blocks, text, blockStarts: blockStartsOf(blocks) };
}

/** Index of the block containing text offset `offset` (the last block starting at or before it). */
export function blockIndexAt(article: ArticleText, offset: number): number {
  const starts = article.blockStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/**
 * DOM position for a block-text offset. `side` says which way to snap when the offset falls on a
 * character with no DOM counterpart (a collapsed <br> space): a range start moves forward, an end back.
 */
export function domPoint(block: Block, offset: number, side: 'start' | 'end'): DomPoint | null {
  const runs = block.runs;
  // First run whose end is past the offset (start side) or reaches it (end side); with no runs, none.
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const run = runs[mid] as TextRun;
    const runEnd = run.start + run.length;
    if (side === 'start' ? runEnd <= offset : runEnd < offset) low = mid + 1;
    else high = mid;
  }
  const run = runs[low];
  if (side === 'start') return run ? { node: run.node, offset: run.nodeStart + Math.max(0, offset - run.start) } : null;
  if (run && run.start < offset) return { node: run.node, offset: run.nodeStart + (offset - run.start) };
  const before = runs[low - 1];
  if (!before) return null;
  return { node: before.node, offset: before.nodeStart + before.length };
}

/** One Range per block the span touches (a span crossing a paragraph break is split there). */
export function rangesForSpan(article: ArticleText, span: Span): Range[] {
  const [start, end] = span;
  if (end <= start) return [];
  const ranges: Range[] = [];
  const first = blockIndexAt(article, start);
  const last = blockIndexAt(article, Math.max(start, end - 1));
  for (let index = first; index <= last; index += 1) {
    const block = article.blocks[index];
    const blockStart = article.blockStarts[index];
    if (!block || blockStart === undefined) continue;
    const localStart = Math.max(0, start - blockStart);
    const localEnd = Math.min(block.text.length, end - blockStart);
    if (localEnd <= localStart) continue;
    const from = domPoint(block, localStart, 'start');
    const to = domPoint(block, localEnd, 'end');
    if (!from || !to) continue;
    const range = block.element.ownerDocument.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    if (!range.collapsed) ranges.push(range);
  }
  return ranges;
}

/**
 * [start, end) in the article text of what `node` contributed (from its first to its last run), or
 * null when the node's text is not part of the article.
 */
export function textNodeExtent(article: ArticleText, node: Text): Span | null {
  for (let index = 0; index < article.blocks.length; index += 1) {
    const block = article.blocks[index] as Block;
    let first: TextRun | null = null;
    let last: TextRun | null = null;
    for (const run of block.runs) {
      if (run.node !== node) continue;
      first ??= run;
      last = run;
    }
    if (!first || !last) continue;
    const blockStart = article.blockStarts[index] ?? 0;
    return [blockStart + first.start, blockStart + last.start + last.length];
  }
  return null;
}
