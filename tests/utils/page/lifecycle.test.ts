import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionSignal, STARTED_EVENT, watchLocation } from '../../../utils/page/lifecycle';

describe('sessionSignal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('announces itself, and ignores an announcement while the extension is alive (a forged one)', () => {
    const target = new EventTarget();
    const heard = vi.fn();
    target.addEventListener(STARTED_EVENT, heard);
    const signal = sessionSignal(target, { alive: () => true });
    expect(heard).toHaveBeenCalledTimes(1);
    target.dispatchEvent(new Event(STARTED_EVENT));
    vi.advanceTimersByTime(5000);
    expect(signal.aborted).toBe(false);
  });

  it('aborts at once when a newer copy announces itself after the extension context is gone', () => {
    const target = new EventTarget();
    let alive = true;
    const old = sessionSignal(target, { alive: () => alive, pollMs: 60_000 });
    alive = false;
    const checks = vi.fn(() => true);
    const fresh = sessionSignal(target, { alive: checks, pollMs: 60_000 });
    expect(old.aborted).toBe(true);
    expect(fresh.aborted).toBe(false);
    // The aborted copy stopped listening: later announcements reach only the live one.
    alive = true;
    target.dispatchEvent(new Event(STARTED_EVENT));
    expect(checks).toHaveBeenCalledTimes(1);
  });

  it('aborts by itself when the extension goes away without any announcement', () => {
    let alive = true;
    const signal = sessionSignal(new EventTarget(), { alive: () => alive, pollMs: 100 });
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
