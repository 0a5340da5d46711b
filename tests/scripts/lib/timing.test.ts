// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { median, megabytes, percentile, timeOnce } from '../../../scripts/lib/timing';

describe('timing helpers', () => {
  it('takes medians of odd and even samples without reordering the input', () => {
    const xs = [5, 1, 3];
    expect(median(xs)).toBe(3);
    expect(xs).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 0.95)).toBe(95);
    expect(percentile(xs, 1)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
  });

  it('returns the value of the timed call', () => {
    const t = timeOnce(() => 41 + 1);
    expect(t.value).toBe(42);
    expect(t.ms).toBeGreaterThanOrEqual(0);
    expect(t.cpuMs).toBeGreaterThanOrEqual(0);
  });

  it('counts megabytes as 10^6 bytes of UTF-8', () => {
    expect(megabytes('a'.repeat(500_000))).toBe(0.5);
    expect(megabytes('\u201C')).toBe(3e-6);
  });
});
