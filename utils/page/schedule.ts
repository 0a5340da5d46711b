/**
 * Cooperative scheduling for work on big pages: run in slices and give the main thread back between
 * them, so no task of ours blocks input for long (the Long Tasks threshold is 50 ms).
 */

type TaskScheduler = { yield(): Promise<void>; postTask(task: () => void, options: { priority: 'user-visible' }): Promise<void> };

const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;

/**
 * Main-thread time a pass spends ahead of the page's own queued tasks: a typical article's whole first
 * pass, so its highlights do not wait behind the page (seed article, 14 alternating loads at load 2-4:
 * painted at 60 ms median, against 79 ms always behind).
 */
const AHEAD_MS = 50;

/**
 * Lets the browser handle input and paint, then resumes: `ahead`, before the page's own queued tasks
 * (scheduler.yield); otherwise after them (postTask). Always ahead, a long pass starved the page: its
 * timers set for 40 ms ran only after our whole first pass over a 450 KB article, 0.4-1 s later.
 */
export function yieldToMain(ahead?: boolean): Promise<void> {
  return (ahead ? scheduler?.yield?.() : scheduler?.postTask?.(() => undefined, { priority: 'user-visible' })) ?? new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Slice budget: well under the 50 ms long-task threshold, leaving room for the browser's own work, a
 * garbage collection landing in the slice, and a busy machine stretching a slice several times over
 * (on 2 loaded cores, 5-10 ms of CPU took 50-80 ms). Shorter with postTask, whose turn costs next to
 * nothing when the page has nothing queued; the setTimeout fallback (Firefox before 142) waits 4 ms a
 * turn once timers nest.
 */
export const SLICE_MS = scheduler?.postTask ? 5 : 8;

/** A wait this long (ms) had the answer come in a later task: resuming on an answer in hand takes microseconds. */
const WAITED_MS = 0.5;

export interface Slicer {
  /**
   * Call between units of work: yields once the current slice has used its budget. `expectMs`: what
   * the next unit is expected to cost when the last one is no guide to it (a new kind of work).
   */
  pause(expectMs?: number): Promise<void> | void;
  /**
   * Awaits what another thread answers (the background). Already answered, the work goes on in this
   * task and slice; otherwise the answer comes in a task of its own, the thread was free meanwhile,
   * and the work resumes in a new slice: the wait is no main-thread time of ours.
   */
  wait<T>(pending: Promise<T>): Promise<T>;
  /** Main-thread time used so far, longest slice, and slice count (for the benchmark's report). */
  stats(): { busyMs: number; longestMs: number; slices: number };
}

/**
 * Yields before a unit of work that would take the slice past its budget, judging the next unit by
 * the last one (the time since the previous call): units of a kind come in runs (blocks read,
 * segments detected, claims' Ranges built), so a slice of 6 ms with 5 ms units yields now rather than
 * after 11 ms. The first unit of a slice always runs, so a unit longer than the budget still progresses.
 */
export function slicer(budgetMs: number = SLICE_MS, now: () => number = () => performance.now()): Slicer {
  let sliceStart = now();
  let lastCall = sliceStart;
  let busy = 0;
  let longest = 0;
  let slices = 1;
  const end = (time: number) => {
    busy += time - sliceStart;
    longest = Math.max(longest, time - sliceStart);
  };
  const begin = () => {
    sliceStart = now();
    lastCall = sliceStart;
    slices += 1;
  };
  return {
    pause(expectMs = 0) {
      const time = now();
      const used = time - sliceStart;
      const unit = time - lastCall;
      lastCall = time;
      if (used + Math.max(unit, expectMs) < budgetMs) return;
      end(time);
      return yieldToMain(busy < AHEAD_MS).then(begin);
    },
    async wait(pending) {
      const asked = now();
      const value = await pending;
      // An answer in hand resumes within the microsecond; one that had to come took a task of its own.
      if (now() - asked >= WAITED_MS) {
        end(asked);
        begin();
      }
      return value;
    },
    stats() {
      const current = now() - sliceStart;
      return { busyMs: busy + current, longestMs: Math.max(longest, current), slices };
    },
  };
}
