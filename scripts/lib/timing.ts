/** Small measurement helpers for the benchmark script (not for tests: machines are noisy). */

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Nearest-rank percentile, q in [0, 1]. */
export function percentile(xs: readonly number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i] as number;
}

export interface Timed<T> {
  /** Wall-clock time. */
  ms: number;
  /**
   * CPU time of the whole process (user + system, GC threads included). On a shared machine
   * this stays near the idle wall time while wall time stretches with other people's load.
   */
  cpuMs: number;
  /** What the call returned, so the work cannot be optimised away. */
  value: T;
}

export function timeOnce<T>(fn: () => T): Timed<T> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

/** MB as 10^6 bytes of UTF-8, the unit throughput is quoted in. */
export function megabytes(text: string): number {
  return Buffer.byteLength(text, 'utf8') / 1e6;
}
