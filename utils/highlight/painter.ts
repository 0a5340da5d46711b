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

const STATUS_KEYS: PaintStatus[] = ['unreviewed', 'verified', 'disputed', 'changed'];

class HighlightPainter implements Painter {
  readonly mode = 'highlight-api' as const;
  private readonly highlights = new Map<PaintStatus | 'focus', HighlightLike>();
  private readonly items = new Map<string, PaintItem>();

  constructor(private readonly api: HighlightApi) {}

  private highlight(key: PaintStatus | 'focus'): HighlightLike {
    let highlight = this.highlights.get(key);
    if (!highlight) {
      highlight = this.api.create();
      // The focused claim paints over its status colour; reviewed colours over unreviewed.
      highlight.priority = key === 'focus' ? 2 : key === 'unreviewed' ? 0 : 1;
      this.highlights.set(key, highlight);
      this.api.registry.set(HIGHLIGHT_NAMES[key], highlight);
    }
    return highlight;
  }

  paint(items: PaintItem[]): void {
    for (const key of STATUS_KEYS) this.highlights.get(key)?.clear();
    this.items.clear();
    for (const item of items) {
      this.items.set(item.id, item);
      const highlight = this.highlight(item.status);
      for (const range of item.ranges) highlight.add(range);
    }
  }

  setStatus(id: string, status: PaintStatus): void {
    const item = this.items.get(id);
    if (!item || item.status === status) return;
    const from = this.highlight(item.status);
    const to = this.highlight(status);
    for (const range of item.ranges) {
      from.delete(range);
      to.add(range);
    }
    item.status = status;
  }

  focus(id: string | null, extra: Range[] = []): void {
    const focus = this.highlight('focus');
    focus.clear();
    const item = id === null ? undefined : this.items.get(id);
    if (!item) return;
    for (const range of [...item.ranges, ...extra]) focus.add(range);
  }

  clear(): void {
    this.items.clear();
    for (const key of this.highlights.keys()) {
      // Only unregister our own objects: the page may have reused a name meanwhile.
      if (this.api.registry.get(HIGHLIGHT_NAMES[key]) === this.highlights.get(key)) this.api.registry.delete(HIGHLIGHT_NAMES[key]);
    }
    this.highlights.clear();
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
    const end = node === range.endContainer ? range.endOffset : node.data.length;
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
  readonly mode = 'wrap' as const;
  private wraps: Wrap[] = [];
  private readonly marks = new Map<string, HTMLElement[]>();
  private readonly statuses = new Map<string, PaintStatus>();

  constructor(private readonly doc: Document) {}

  paint(items: PaintItem[]): void {
    this.clear();
    const byNode = new Map<Text, Piece[]>();
    for (const item of items) {
      this.statuses.set(item.id, item.status);
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
      let limit = node.data.length;
      for (const piece of pieces) {
        if (piece.end > limit) continue; // overlaps a piece already wrapped
        this.wrap(node, piece);
        limit = piece.start;
      }
    }
  }

  private wrap(node: Text, piece: Piece): void {
    const tail = piece.end < node.data.length ? node.splitText(piece.end) : null;
    const middle = piece.start > 0 ? node.splitText(piece.start) : node;
    const mark = this.doc.createElement('mark');
    mark.setAttribute('data-claimtrail', this.statuses.get(piece.id) ?? 'unreviewed');
    mark.setAttribute('data-claimtrail-id', piece.id);
    middle.replaceWith(mark);
    mark.append(middle);
    this.wraps.push({ mark, head: middle === node ? null : node, middle, tail });
    const list = this.marks.get(piece.id) ?? [];
    list.push(mark);
    this.marks.set(piece.id, list);
  }

  setStatus(id: string, status: PaintStatus): void {
    this.statuses.set(id, status);
    for (const mark of this.marks.get(id) ?? []) mark.setAttribute('data-claimtrail', status);
  }

  focus(id: string | null): void {
    for (const [markId, marks] of this.marks) {
      for (const mark of marks) mark.toggleAttribute('data-claimtrail-focus', markId === id);
    }
  }

  clear(): void {
    // Undo in reverse order so each text node is merged back into the node it was split from.
    for (let index = this.wraps.length - 1; index >= 0; index -= 1) {
      const { mark, head, middle, tail } = this.wraps[index] as Wrap;
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
    this.wraps = [];
    this.marks.clear();
    this.statuses.clear();
  }

  idAtElement(element: Element | null): string | null {
    return element?.closest('mark[data-claimtrail-id]')?.getAttribute('data-claimtrail-id') ?? null;
  }
}
