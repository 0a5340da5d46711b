/**
 * Which claims to register with the Highlight API on a page with very many. Chromium re-validates
 * every registered range in the frame after any highlight changes (7,000 ranges: ~120 ms of PrePaint),
 * so past a threshold only the claims near the viewport are registered, and the band follows scrolling.
 * Claims come in reading order, which is top-to-bottom order for an article's text, so the band is
 * found by binary search over the first range of each claim (a few layout reads, not thousands).
 */
import type { PaintItem } from './painter';

/** Up to this many ranges everything is registered: a frame's re-validation stays well under 50 ms. */
export const WINDOW_ABOVE_RANGES = 1_000;

/** Viewport heights above and below the visible part that stay painted, so scrolling finds them ready. */
export const BAND_SCREENS = 2;

export interface Band {
  /** Viewport-relative y range to keep painted. */
  top: number;
  bottom: number;
}

export function bandAround(viewportHeight: number, screens: number = BAND_SCREENS): Band {
  return { top: -screens * viewportHeight, bottom: (1 + screens) * viewportHeight };
}

/**
 * The items whose first range lies in `band` (viewport-relative), given in reading order. `rectOf`
 * reads a range's viewport rect; items without a visible rect (collapsed, hidden) are skipped.
 */
export function itemsInBand(items: readonly PaintItem[], band: Band, rectOf: (range: Range) => DOMRect | null): PaintItem[] {
  const rect = (item: PaintItem): DOMRect | null => {
    const range = item.ranges[0];
    const found = range ? rectOf(range) : null;
    return found && (found.width > 0 || found.height > 0) ? found : null;
  };
  const top = (item: PaintItem): number | null => rect(item)?.top ?? null;
  // First item whose top is at or below the band's top; an item with no rect is judged by the next
  // one that has one.
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    let probe = mid;
    let at = top(items[probe] as PaintItem);
    while (at === null && probe + 1 < high) {
      probe += 1;
      at = top(items[probe] as PaintItem);
    }
    if (at !== null && at < band.top) low = probe + 1;
    else high = mid;
  }
  // A claim starting just above the band may reach into it.
  const chosen: PaintItem[] = [];
  const above = items[low - 1];
  const aboveRect = above ? rect(above) : null;
  if (above && aboveRect && aboveRect.bottom >= band.top) chosen.push(above);
  for (let index = low; index < items.length; index += 1) {
    const item = items[index] as PaintItem;
    const at = top(item);
    if (at === null) continue;
    if (at > band.bottom) break;
    chosen.push(item);
  }
  return chosen;
}

/**
 * `limit` less the ranges `items` hold, counted only until it falls below zero (7,000 claims, each a
 * look-up): below zero, they hold more than `limit`.
 */
export function rangesLeft(items: readonly PaintItem[], limit: number): number {
  for (const item of items) if ((limit -= item.ranges.length) < 0) break;
  return limit;
}
