import { observeWindowOffset, observeWindowRect, Virtualizer, windowScroll } from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

interface Options {
  count: number;
  estimateSize: (index: number) => number;
  getItemKey: (index: number) => string;
  /** Distance from the top of the document to the list, so the page (not an inner box) scrolls: zoom and find-in-page keep working. */
  scrollMargin: number;
}

/** @tanstack/virtual-core bound to Preact: the list re-renders whenever the visible range changes. */
export function useWindowVirtualizer({ count, estimateSize, getItemKey, scrollMargin }: Options): Virtualizer<Window, HTMLElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options = {
    count,
    estimateSize,
    getItemKey,
    scrollMargin,
    getScrollElement: () => window,
    scrollToFn: windowScroll,
    observeElementRect: observeWindowRect,
    observeElementOffset: observeWindowOffset,
    // Before the window's size is measured (and in DOM-less tests) a typical viewport is assumed.
    initialRect: { width: 1024, height: 900 },
    overscan: 6,
    onChange: () => rerender(undefined),
  };
  const [virtualizer] = useState(() => new Virtualizer<Window, HTMLElement>(options));
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
