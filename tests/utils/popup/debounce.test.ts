import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from '../../../utils/popup/debounce';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once with the last value after the wait', () => {
    const run = vi.fn();
    const d = debounce(run, 400);
    d.schedule('a');
    vi.advanceTimersByTime(300);
    d.schedule('ab');
    vi.advanceTimersByTime(399);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledExactlyOnceWith('ab');
  });

  it('flushes the pending value at once, and only once', () => {
    const run = vi.fn();
    const d = debounce(run, 400);
    d.schedule('abc');
    d.flush();
    expect(run).toHaveBeenCalledExactlyOnceWith('abc');
    vi.advanceTimersByTime(1000);
    d.flush();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('cancels', () => {
    const run = vi.fn();
    const d = debounce(run, 400);
    d.schedule('x');
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
