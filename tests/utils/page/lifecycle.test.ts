import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionSignal, watchLocation } from '../../../utils/page/lifecycle';

function fakeContext() {
  const callbacks = new Set<() => void>();
  return {
    onInvalidated(callback: () => void) {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
    invalidate: () => callbacks.forEach((callback) => callback()),
    listeners: () => callbacks.size,
  };
}

describe('sessionSignal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ignores an invalidation while the extension is alive (a forged announcement)', () => {
    const ctx = fakeContext();
    const signal = sessionSignal(ctx, { alive: () => true });
    ctx.invalidate();
    vi.advanceTimersByTime(5000);
    expect(signal.aborted).toBe(false);
  });

  it('aborts on invalidation once the extension context is gone, and stops listening', () => {
    const ctx = fakeContext();
    let alive = true;
    const signal = sessionSignal(ctx, { alive: () => alive, pollMs: 60_000 });
    alive = false;
    ctx.invalidate();
    expect(signal.aborted).toBe(true);
    expect(ctx.listeners()).toBe(0);
  });

  it('aborts by itself when the extension goes away without any announcement', () => {
    let alive = true;
    const signal = sessionSignal(fakeContext(), { alive: () => alive, pollMs: 100 });
    vi.advanceTimersByTime(300);
    expect(signal.aborted).toBe(false);
    alive = false;
    vi.advanceTimersByTime(100);
    expect(signal.aborted).toBe(true);
  });
});

describe('watchLocation', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports each change of href once, and only real changes', () => {
    let href = 'https://a.example/1';
    const seen: string[] = [];
    const target = new EventTarget();
    const controller = new AbortController();
    watchLocation((next) => seen.push(next), controller.signal, { read: () => href, pollMs: 100, navigation: target });
    target.dispatchEvent(new Event('currententrychange'));
    vi.advanceTimersByTime(300);
    expect(seen).toEqual([]);
    href = 'https://a.example/2';
    target.dispatchEvent(new Event('currententrychange'));
    vi.advanceTimersByTime(300);
    href = 'https://a.example/3';
    vi.advanceTimersByTime(100);
    expect(seen).toEqual(['https://a.example/2', 'https://a.example/3']);
    controller.abort();
    href = 'https://a.example/4';
    target.dispatchEvent(new Event('currententrychange'));
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(2);
  });
});
