/**
 * Article DOM → text blocks for the detector, keeping for every character of block text the DOM
 * text node and offset it came from, so detector spans become exact DOM Ranges.
 *
 * Whitespace is collapsed the way CSS does for normal text (runs of space, tab and newline become one
 * space; leading and trailing space of a block dropped; `<pre>` kept verbatim), so the text matches
 * what the reader sees and what `Range.toString()` gives, modulo collapsed whitespace.
 */
import { BLOCK_TAGS, HEADING_TAGS, isSkipped, SHOW_ELEMENT, SHOW_TEXT } from './furniture';

/**
 * Block-level tags, and custom elements the page lays out as blocks: a site built of web components
 * without shadow roots may write each paragraph as a `<story-paragraph>` styled `display: block`
 * (custom elements are inline unless styled, and an inline one inside a sentence must not split it).
 */
function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.tagName) || (element.localName.includes('-') && !/^(?:inline|contents|$)/.test(getComputedStyle(element).display));
}

/** A stretch of block text copied 1:1 from one text node. */
export interface TextRun {
  node: Text;
  /** Offset in `node.data`. */
  nodeStart: number;
  /** Offset in the block's text. */
  start: number;
  length: number;
}

export interface Block {
  /** Innermost block-level element holding the text (a <p>, <li>, <blockquote>…). */
  element: Element;
  text: string;
  /** Sorted by `start`, non-overlapping. Characters between runs are collapsed-whitespace stand-ins. */
  runs: TextRun[];
  /** h2–h6: kept as context for the detector, but never a claim. */
  heading: boolean;
}

/** CSS collapsible whitespace: space, tab, line feed, carriage return, form feed. */
function isCollapsible(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
}

/**
 * Builds blocks with as little garbage as a big page allows (a 1 MB article made ~20 MB of it, and
 * collecting that paused the page): a block's text is collected in parts and joined once, flat, when
 * the block ends (appending word by word kept a tree of hundreds of thousands of string pieces
 * alive), and a text node is copied in stretches between whitespace that actually collapses, so
 * ordinary prose (words separated by one space) is one piece per node.
 */
interface BlockBuilder {
  readonly blocks: Block[];
  /** Ends the current block (at a block-level element boundary). */
  flush(): void;
  /** An inline break (<br>) or similar: reads as a space but maps to no text node. */
  softBreak(): void;
  /** `owner` is the innermost open block: a heading or `<pre>` holds only inline content. */
  addText(node: Text, owner: Element): void;
}

function createBlockBuilder(): BlockBuilder {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let length = 0;
  let runs: TextRun[] = [];
  let element: Element | null = null;
  /** A whitespace seen since the last character: emitted as one space before the next character. */
  let pendingSpace: { node: Text; offset: number } | 'virtual' | null = null;

  function appendRun(node: Text, nodeStart: number, runLength: number, chars: string): void {
    const previous = runs[runs.length - 1];
    if (previous && previous.node === node && previous.nodeStart + previous.length === nodeStart && previous.start + previous.length === length) {
      previous.length += runLength;
    } else {
      runs.push({ node, nodeStart, start: length, length: runLength });
    }
    parts.push(chars);
    length += runLength;
  }

  function emit(node: Text, data: string, from: number, to: number, owner: Element): void {
    if (length === 0) element = owner;
    else if (pendingSpace !== null) {
      if (pendingSpace !== 'virtual') appendRun(pendingSpace.node, pendingSpace.offset, 1, ' ');
      else {
        parts.push(' ');
        length += 1;
      }
    }
    pendingSpace = null;
    appendRun(node, from, to - from, from === 0 && to === data.length ? data : data.slice(from, to));
  }

  return {
    blocks,
    flush() {
      if (length > 0 && element) {
        const text = parts.length === 1 ? (parts[0] as string) : parts.join('');
        blocks.push({ element, text, runs, heading: HEADING_TAGS.has(element.tagName) });
      }
      parts = [];
      length = 0;
      runs = [];
      element = null;
      pendingSpace = null;
    },
    softBreak() {
      if (length > 0 && pendingSpace === null) pendingSpace = 'virtual';
    },
    addText(node, owner) {
      // Read once: Firefox copies the whole text out of the DOM on every `node.data`, which made a
      // 1 MB paragraph quadratic (one copy per word).
      const data = node.data;
      if (owner.tagName === 'PRE') {
        emit(node, data, 0, data.length, owner);
        return;
      }
      // [stretch, index): text copied 1:1 so far, single spaces between words included.
      let stretch = 0;
      let index = 0;
      while (index < data.length) {
        if (!isCollapsible(data.charCodeAt(index))) {
          index += 1;
          continue;
        }
        let end = index + 1;
        while (end < data.length && isCollapsible(data.charCodeAt(end))) end += 1;
        // One plain space between two characters of this node reads as itself.
        if (end - index === 1 && data.charCodeAt(index) === 32 && index > stretch && end < data.length) {
          index = end;
          continue;
        }
        if (index > stretch) emit(node, data, stretch, index, owner);
        if (length > 0 && pendingSpace === null) pendingSpace = { node, offset: index };
        stretch = end;
        index = end;
      }
      if (stretch < data.length) emit(node, data, stretch, data.length, owner);
    },
  };
}

/**
 * Without pull quotes: a block in a `<blockquote>` whose words are in a block near it repeats the
 * story, and the detector would credit it to whoever spoke last before it. Its words are its text
 * less two characters at each end, where a pull quote adds or drops quote marks, a closing stop or
 * comma. Only a few blocks either side are searched: a long article costs a few string searches per
 * blockquote.
 */
function withoutPullQuotes(blocks: Block[]): Block[] {
  return blocks.filter((block, index) => {
    const words = block.text.slice(2, -2);
    return !(words.length > 20 && block.element.closest('blockquote') && blocks.slice(Math.max(0, index - 6), index + 7).some((other) => other !== block && other.text.includes(words)));
  });
}

export interface ExtractOptions {
  /** Called every `checkEvery` nodes; return a promise to pause (e.g. to yield to the main thread). */
  pause?: () => Promise<void> | void;
  checkEvery?: number;
}

/**
 * Walks the article root in document order and returns its text blocks. Asynchronous only so big
 * pages can yield between chunks; with no `pause` it runs in one go (and `extractBlocksSync` wraps that).
 */
export async function extractBlocks(root: Element, options: ExtractOptions = {}): Promise<Block[]> {
  const walk = createBlockWalk(root);
  const every = options.checkEvery ?? 512;
  while (!walk.step(every)) {
    if (options.pause) await options.pause();
  }
  return withoutPullQuotes(walk.blocks);
}

export function extractBlocksSync(root: Element): Block[] {
  const walk = createBlockWalk(root);
  while (!walk.step(Number.POSITIVE_INFINITY));
  return withoutPullQuotes(walk.blocks);
}

interface BlockWalk {
  blocks: Block[];
  /** Processes up to `budget` nodes; true when the walk is finished. */
  step(budget: number): boolean;
}

function createBlockWalk(root: Element): BlockWalk {
  const doc = root.ownerDocument;
  const builder = createBlockBuilder();
  // Skipped subtrees are stepped over here rather than by a NodeFilter: a filter is a call from the
  // browser into script for every node (16,000 on a 1 MB article), each dearer than the check itself.
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  const skipped = (node: Node): boolean => node.nodeType === 1 && isSkipped(node as Element, root);
  /** From the walker's first step (`step()`), the first node not skipped (the walker moves to it), or null (it stays). */
  const unskipped = (step: () => Node | null): Node | null => {
    const from = walker.currentNode;
    let node = step();
    while (node !== null && skipped(node)) node = walker.nextSibling();
    if (node === null) walker.currentNode = from;
    return node;
  };
  const firstChild = (): Node | null => unskipped(() => walker.firstChild());
  const nextSibling = (): Node | null => unskipped(() => walker.nextSibling());
  // Open block-level elements, innermost last.
  const blockStack: Element[] = [root];
  let finished = false;

  function enter(node: Node): void {
    if (node.nodeType === 3) {
      builder.addText(node as Text, blockStack[blockStack.length - 1] as Element);
      return;
    }
    const element = node as Element;
    if (element.tagName === 'BR') builder.softBreak();
    if (isBlock(element)) {
      builder.flush();
      blockStack.push(element);
    }
  }

  function leave(node: Node): void {
    // By identity: whether a custom element is a block was read from its style on the way in.
    if (node === blockStack[blockStack.length - 1]) {
      builder.flush();
      blockStack.pop();
    }
  }

  return {
    blocks: builder.blocks,
    step(budget) {
      if (finished) return true;
      let visited = 0;
      let current: Node | null;
      while (visited < budget) {
        // Depth-first: descend, else move to the next sibling, else climb (leaving elements) and retry.
        // An empty root leaves itself (no text to flush) and has no sibling or parent within the walk.
        current = firstChild();
        if (current === null) {
          leave(walker.currentNode);
          current = nextSibling();
          while (current === null) {
            const parent = walker.parentNode();
            if (parent === null || parent === root) {
              finished = true;
              builder.flush();
              return true;
            }
            leave(parent);
            current = nextSibling();
          }
        }
        enter(current);
        visited += 1;
      }
      return false;
    },
  };
}
