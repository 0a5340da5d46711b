/**
 * Paints claim ranges. With the CSS Custom Highlight API the page's DOM is never touched: ranges go
 * into one named Highlight per status. Where the API is missing, each range's text is wrapped in
 * <mark data-claimtrail> elements that `clear()` removes again, restoring the original text nodes.
 */
import { HIGHLIGHT_NAMES, type PaintStatus } from './styles';

export interface PaintItem {
  id: string;
  ranges: Range[];
  status: PaintStatus;
}

export interface Painter {
  readonly mode: 'highlight-api' | 'wrap';
  /** Replaces everything painted with `items`. */
  paint(items: PaintItem[]): void;
  /**
   * Paints `items` (replacing what was painted for their ids) and leaves every other claim as it is:
   * a big page is painted in slices this way, then settled with paint(). Wrap mode paints only in paint().
   */
  update(items: PaintItem[]): void;
  /** Moves one claim to another status without repainting the rest. */
  setStatus(id: string, status: PaintStatus): void;
  /** Emphasises one claim (and extra ranges such as its cue and source), or nothing. */
  focus(id: string | null, extra?: Range[]): void;
  /** Removes every highlight (and, in wrap mode, every <mark>). */
  clear(): void;
  /** The claim a <mark> belongs to (wrap mode); null with the Highlight API. */
  idAtElement(element: Element | null): string | null;
}

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  priority: number;
}

interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  get(name: string): HighlightLike | undefined;
  delete(name: string): boolean;
}

interface HighlightApi {
  registry: HighlightRegistryLike;
  create(): HighlightLike;
}

/** The page window's Highlight API, if it has one. */
export function highlightApi(view: (Window & typeof globalThis) | null): HighlightApi | null {
  const css = view?.CSS as (typeof CSS & { highlights?: HighlightRegistryLike }) | undefined;
  const Ctor = (view as unknown as { Highlight?: new () => HighlightLike } | null)?.Highlight;
  if (!css?.highlights || typeof Ctor !== 'function') return null;
  return { registry: css.highlights, create: () => new Ctor() };
}

export function createPainter(doc: Document, api: HighlightApi | null = highlightApi(doc.defaultView)): Painter {
  return api ? new HighlightPainter(api) : new WrapPainter(doc);
}

function sameRanges(a: readonly Range[], b: readonly Range[]): boolean {
  return a.length === b.length && a.every((range, index) => range === b[index]);
}

/**
 * Paints by difference: a repaint adds and removes only the ranges of claims that changed, since each
 * Highlight.add() costs the browser work (Firefox selects the range's text frames). The same Range may
 * belong to two claims (a claim tracked by hand over a detected one), so ranges are counted per status.
 */
class HighlightPainter implements Painter {
  readonly #api: HighlightApi;
  readonly mode = 'highlight-api' as const;
  readonly #highlights = new Map<PaintStatus | 'focus', HighlightLike>();
  #items = new Map<string, PaintItem>();
  readonly #counts = new Map<PaintStatus, Map<Range, number>>();

  constructor(api: HighlightApi) {
    this.#api = api;
  }

  #highlight(key: PaintStatus | 'focus'): HighlightLike {
    let highlight = this.#highlights.get(key);
    if (!highlight) {
      highlight = this.#api.create();
      // The focused claim paints over its status colour; reviewed colours over unreviewed.
      highlight.priority = key === 'focus' ? 2 : key === 'unreviewed' ? 0 : 1;
      this.#highlights.set(key, highlight);
      this.#api.registry.set(HIGHLIGHT_NAMES[key], highlight);
    }
    return highlight;
  }

  #countsOf(status: PaintStatus): Map<Range, number> {
    let counts = this.#counts.get(status);
    if (!counts) {
      counts = new Map();
      this.#counts.set(status, counts);
    }
    return counts;
  }

  #add({ ranges, status }: PaintItem): void {
    const counts = this.#countsOf(status);
    for (const range of ranges) {
      const count = counts.get(range) ?? 0;
      counts.set(range, count + 1);
      if (count === 0) this.#highlight(status).add(range);
    }
  }

  #remove({ ranges, status }: PaintItem): void {
    const counts = this.#countsOf(status);
    for (const range of ranges) {
      const count = counts.get(range) ?? 0;
      if (count > 1) counts.set(range, count - 1);
      else {
        counts.delete(range);
        this.#highlights.get(status)?.delete(range);
      }
    }
  }

  update(items: PaintItem[]): void {
    for (const item of items) {
      const old = this.#items.get(item.id);
      if (old && old.status === item.status && sameRanges(old.ranges, item.ranges)) continue;
      if (old) this.#remove(old);
      const copy = { ...item };
      this.#add(copy);
      this.#items.set(item.id, copy);
    }
  }

  paint(items: PaintItem[]): void {
    const wanted = new Set(items.map((item) => item.id));
    for (const [id, old] of this.#items) {
      if (wanted.has(id)) continue;
      this.#remove(old);
      this.#items.delete(id);
    }
    this.update(items);
  }

  setStatus(id: string, status: PaintStatus): void {
    const item = this.#items.get(id);
    if (!item || item.status === status) return;
    this.#remove(item);
    item.status = status;
    this.#add(item);
  }

  focus(id: string | null, extra: Range[] = []): void {
    const focus = this.#highlight('focus');
    focus.clear();
    const item = id === null ? undefined : this.#items.get(id);
    if (!item) return;
    for (const range of [...item.ranges, ...extra]) focus.add(range);
  }

  clear(): void {
    this.#items.clear();
    this.#counts.clear();
    for (const key of this.#highlights.keys()) {
      // Only unregister our own objects: the page may have reused a name meanwhile.
      if (this.#api.registry.get(HIGHLIGHT_NAMES[key]) === this.#highlights.get(key)) this.#api.registry.delete(HIGHLIGHT_NAMES[key]);
    }
    this.#highlights.clear();
  }

  idAtElement(): string | null {
    return null;
  }
}

interface Wrap {
  mark: HTMLElement;
  /** The original text node, left holding the text before the mark (null if the mark starts the node). */
  head: Text | null;
  middle: Text;
  tail: Text | null;
}

interface Piece {
  node: Text;
  start: number;
  end: number;
  id: string;
}

/** Text-node pieces of a range, computed before any node is split. */
function piecesOf(range: Range, id: string): Piece[] {
  const pieces: Piece[] = [];
  const root = range.commonAncestorContainer;
  const doc = root.ownerDocument ?? (root as Document);
  const push = (node: Text) => {
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.length;
    if (end > start) pieces.push({ node, start, end, id });
  };
  if (root.nodeType === 3) {
    push(root as Text);
    return pieces;
  }
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node)) push(node as Text);
  }
  return pieces;
}

class WrapPainter implements Painter {
  readonly #doc: Document;
  readonly mode = 'wrap' as const;
  #wraps: Wrap[] = [];
  readonly #marks = new Map<string, HTMLElement[]>();
  readonly #statuses = new Map<string, PaintStatus>();

  constructor(doc: Document) {
    this.#doc = doc;
  }

  update(): void {
    // Wrapping splits text nodes, which would invalidate the ranges still to be painted: paint() does all.
  }

  paint(items: PaintItem[]): void {
    this.clear();
    const byNode = new Map<Text, Piece[]>();
    for (const item of items) {
      this.#statuses.set(item.id, item.status);
      for (const range of item.ranges) {
        for (const piece of piecesOf(range, item.id)) {
          const list = byNode.get(piece.node) ?? [];
          list.push(piece);
          byNode.set(piece.node, list);
        }
      }
    }
    for (const [node, pieces] of byNode) {
      // From the end of the node backwards, so the original node keeps the unwrapped head.
      pieces.sort((a, b) => b.start - a.start);
      let limit = node.length;
      for (const piece of pieces) {
        if (piece.end > limit) continue; // overlaps a piece already wrapped
        this.#wrap(node, piece);
        limit = piece.start;
      }
    }
  }

  #wrap(node: Text, piece: Piece): void {
    const tail = piece.end < node.length ? node.splitText(piece.end) : null;
    const middle = piece.start > 0 ? node.splitText(piece.start) : node;
    const mark = this.#doc.createElement('mark');
    mark.setAttribute('data-claimtrail', this.#statuses.get(piece.id) ?? 'unreviewed');
    mark.setAttribute('data-claimtrail-id', piece.id);
    middle.replaceWith(mark);
    mark.append(middle);
    this.#wraps.push({ mark, head: middle === node ? null : node, middle, tail });
    const list = this.#marks.get(piece.id) ?? [];
    list.push(mark);
    this.#marks.set(piece.id, list);
  }

  setStatus(id: string, status: PaintStatus): void {
    this.#statuses.set(id, status);
    for (const mark of this.#marks.get(id) ?? []) mark.setAttribute('data-claimtrail', status);
  }

  focus(id: string | null): void {
    for (const [markId, marks] of this.#marks) {
      for (const mark of marks) mark.toggleAttribute('data-claimtrail-focus', markId === id);
    }
  }

  clear(): void {
    // Undo in reverse order so each text node is merged back into the node it was split from.
    for (let index = this.#wraps.length - 1; index >= 0; index -= 1) {
      const { mark, head, middle, tail } = this.#wraps[index] as Wrap;
      // The page may have moved or dropped a mark meanwhile; restore what can be restored.
      if (mark.parentNode) mark.replaceWith(middle);
      if (tail) {
        middle.data += tail.data;
        tail.remove();
      }
      if (head) {
        head.data += middle.data;
        middle.remove();
      }
    }
    this.#wraps = [];
    this.#marks.clear();
    this.#statuses.clear();
  }

  idAtElement(element: Element | null): string | null {
    return element?.closest('mark[data-claimtrail-id]')?.getAttribute('data-claimtrail-id') ?? null;
  }
}
