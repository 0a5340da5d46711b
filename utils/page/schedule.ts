/**
 * Cooperative scheduling for work on big pages: run in slices and give the main thread back between
 * them, so no task of ours blocks input for long (the Long Tasks threshold is 50 ms).
 */

type YieldingScheduler = { yield(): Promise<void> };

/** Lets the browser handle input and paint, then resumes (scheduler.yield keeps our place in line). */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Slice budget: well under the 50 ms long-task threshold, leaving room for the browser's own work. */
export const SLICE_MS = 12;

/** Returns a pause function that yields only once the current slice has used its budget. */
export function slicer(budgetMs: number = SLICE_MS, now: () => number = () => performance.now()): () => Promise<void> | void {
  let sliceStart = now();
  return () => {
    if (now() - sliceStart < budgetMs) return;
    return yieldToMain().then(() => {
      sliceStart = now();
    });
  };
}
