import { afterEach, describe, expect, it, vi } from 'vitest';
import { slicer } from '../../../utils/page/schedule';

/** Runs `units` (ms each, on a fake clock) through a slicer; returns the work done in each slice. */
async function slicesOf(units: number[], budget: number): Promise<number[]> {
  let clock = 0;
  const work = slicer(budget, () => clock);
  const slices: number[] = [0];
  for (const unit of units) {
    clock += unit;
    slices[slices.length - 1] = (slices[slices.length - 1] ?? 0) + unit;
    const paused = work.pause();
    if (paused) {
      await paused;
      slices.push(0);
    }
  }
  return slices.filter((ms) => ms > 0);
}

describe('slicer', () => {
  it('yields before a unit like the last one would take the slice past its budget', async () => {
    // 5 ms units with an 8 ms budget: one per slice, never 10 ms in one go.
    expect(await slicesOf([5, 5, 5, 5], 8)).toEqual([5, 5, 5, 5]);
    // 1 ms units: as many as fit.
    expect(await slicesOf(Array.from({ length: 16 }, () => 1), 8)).toEqual([7, 7, 2]);
  });

  it('still runs a unit longer than the budget, one per slice', async () => {
    expect(await slicesOf([20, 20, 1], 8)).toEqual([20, 20, 1]);
  });

  it('judges the next unit by what the caller expects of it when that is more than the last one took', async () => {
    let clock = 0;
    const work = slicer(8, () => clock);
    clock += 3;
    // Like the 3 ms before, a unit fits; expected to take 6 ms, it starts a slice of its own.
    expect(work.pause()).toBeUndefined();
    clock += 1;
    const paused = work.pause(6);
    expect(paused).toBeInstanceOf(Promise);
    await paused;
    // A fresh slice has room for an expected 6 ms; an expectation below the last unit changes nothing.
    expect(work.pause(6)).toBeUndefined();
    clock += 7;
    expect(work.pause(1)).toBeInstanceOf(Promise);
  });

  it('reports the main-thread time used and the longest slice', async () => {
    let clock = 0;
    const work = slicer(8, () => clock);
    clock += 6;
    await work.pause();
    clock += 3;
    expect(work.stats()).toEqual({ busyMs: 9, longestMs: 6, slices: 2 });
  });

  it('counts a wait for an answer still on its way as no time of its own, and resumes in a new slice', async () => {
    let clock = 0;
    const work = slicer(8, () => clock);
    clock += 3;
    let answer: (value: string) => void = () => undefined;
    const waited = work.wait(new Promise<string>((resolve) => (answer = resolve)));
    clock += 40;
    answer('stored');
    expect(await waited).toBe('stored');
    expect(work.stats()).toEqual({ busyMs: 3, longestMs: 3, slices: 2 });
    // A fresh slice: room for a 3 ms unit and another like it.
    clock += 3;
    expect(work.pause()).toBeUndefined();
  });

  it('goes on in the same slice after an answer already in hand', async () => {
    let clock = 0;
    const work = slicer(8, () => clock);
    clock += 6;
    expect(await work.wait(Promise.resolve(1))).toBe(1);
    expect(work.stats()).toEqual({ busyMs: 6, longestMs: 6, slices: 1 });
    clock += 1;
    expect(work.pause()).toBeInstanceOf(Promise);
  });

  describe('where the browser has a task scheduler', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.resetModules();
    });

    it('goes ahead of the page for the first 50 ms of a pass (scheduler.yield), then queues behind its tasks (postTask)', async () => {
      const turns: string[] = [];
      vi.stubGlobal('scheduler', {
        yield: async () => void turns.push('yield'),
        postTask: async (task: () => void, { priority }: { priority: string }) => {
          turns.push(`postTask ${priority}`);
          task();
        },
      });
      vi.resetModules();
      const schedule = await import('../../../utils/page/schedule');
      expect(schedule.SLICE_MS).toBe(5);
      let clock = 0;
      const work = schedule.slicer(5, () => clock);
      for (let unit = 0; unit < 6; unit++) {
        clock += 10;
        await work.pause();
      }
      expect(turns).toEqual(['yield', 'yield', 'yield', 'yield', 'postTask user-visible', 'postTask user-visible']);
      // Between passes (announcing to the background), always behind the page.
      await schedule.yieldToMain();
      expect(turns.at(-1)).toBe('postTask user-visible');
    });
  });
});
