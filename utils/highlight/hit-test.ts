/**
 * Which claim is under a point? Highlights take no pointer events, so a click is matched against
 * claim ranges: the caret position under the point narrows the search to the claims covering that
 * text node, and the range's client rects confirm the point is on the text (not in the margin the
 * caret snaps from).
 */

export interface HitIndex {
  /** Claims whose ranges cover a text node, in paint order. */
  claimsAt(node: Node): readonly string[];
  rangesOf(id: string): readonly Range[];
  /** Every claim, for browsers without a caret-from-point API. */
  all(): Iterable<string>;
}

interface CaretPoint {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  // Typed as always there, but Chromium before 128 lacks the first and Firefox lacks the second.
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** Slack in CSS pixels around line boxes, so a click on the underline still counts. */
const SLACK = 2;

/** Whether (x, y) falls on `rect`, give or take the slack. */
export function nearRect(rect: DOMRectReadOnly, x: number, y: number): boolean {
  return x >= rect.left - SLACK && x <= rect.right + SLACK && y >= rect.top - SLACK && y <= rect.bottom + SLACK;
}

function hitAmong(ids: Iterable<string>, index: HitIndex, x: number, y: number): string | null {
  for (const id of ids) {
    for (const range of index.rangesOf(id)) {
      for (const rect of range.getClientRects()) {
        if (nearRect(rect, x, y)) return id;
      }
    }
  }
  return null;
}

/** The claim painted under viewport point (x, y), or null. */
export function claimAtPoint(doc: Document, x: number, y: number, index: HitIndex): string | null {
  const caret = caretAt(doc, x, y);
  if (caret) return hitAmong(index.claimsAt(caret.node), index, x, y);
  return hitAmong(index.all(), index, x, y);
}
