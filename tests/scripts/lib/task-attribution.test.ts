import { describe, expect, it } from 'vitest';
import { attributeLongTasks, profileSamples, type TraceEvent } from '../../../scripts/lib/task-attribution';

const MAIN = new Set(['1:1']);
const EXTENSION = 'chrome-extension://abc/content-scripts/content.js';
const PAGE = 'http://127.0.0.1/app.js';
const isExtension = (url: string) => url.startsWith('chrome-extension://');

/** A complete ('X') event on the main thread; times in ms. */
function x(name: string, startMs: number, durMs: number, tid = 1): TraceEvent {
  return { name, ph: 'X', pid: 1, tid, ts: startMs * 1000, dur: durMs * 1000, tdur: durMs * 1000 };
}

const NODES = [
  { id: 1, callFrame: { functionName: '(root)' } },
  { id: 2, callFrame: { functionName: '(program)' }, parent: 1 },
  { id: 3, callFrame: { functionName: '(garbage collector)' }, parent: 1 },
  { id: 4, callFrame: { functionName: 'refresh', url: EXTENSION }, parent: 1 },
  { id: 5, callFrame: { functionName: 'extract', url: EXTENSION }, parent: 4 },
  { id: 6, callFrame: { functionName: 'render', url: PAGE }, parent: 1 },
];

/** The profiler's events for samples given as [ms, node id], each lasting until the next. */
function profile(samples: [number, number][]): TraceEvent[] {
  const deltas = samples.map(([ms], index) => (ms - (index === 0 ? 0 : (samples[index - 1] as [number, number])[0])) * 1000);
  return [
    { name: 'Profile', ph: 'P', pid: 1, tid: 1, ts: 0, id: '0x1', args: { data: { startTime: 0 } } },
    // Chunks come from the profiler's own thread; the Profile event names the sampled one.
    { name: 'ProfileChunk', ph: 'P', pid: 1, tid: 9, ts: 1, id: '0x1', args: { data: { cpuProfile: { nodes: NODES, samples: samples.map(([, node]) => node) }, timeDeltas: deltas } } },
  ];
}

describe('profileSamples', () => {
  it('rebuilds each sample with its time, length and stack on the sampled thread', () => {
    const samples = profileSamples(profile([[10, 5], [12, 2], [20, 6]]));
    expect(samples.map((sample) => [sample.thread, sample.ts / 1000, sample.dur / 1000])).toEqual([['1:1', 10, 2], ['1:1', 12, 8], ['1:1', 20, 0]]);
    expect(samples[0]?.stack.map((frame) => frame.functionName)).toEqual(['extract', 'refresh', '(root)']);
  });
});

describe('attributeLongTasks', () => {
  it("gives the extension a task its scripts ran in, with the task's garbage collection", () => {
    const events = [x('RunTask', 0, 80), ...profile([[0, 5], [40, 3], [70, 4], [80, 2]])];
    const [task] = attributeLongTasks(events, MAIN, isExtension);
    expect(task).toMatchObject({ owner: 'extension', extensionMs: 80, byOwner: { extension: 50, gc: 30 } });
    expect(task?.extensionFrames).toEqual([{ frame: 'extract', ms: 40 }, { frame: 'refresh', ms: 10 }]);
  });

  it("leaves the page its own parsing and rendering, and a task where its scripts ran more", () => {
    const events = [
      x('RunTask', 0, 100),
      x('ParseHTML', 0, 60),
      x('Layout', 60, 40),
      x('RunTask', 200, 60),
      ...profile([[0, 2], [60, 2], [100, 1], [200, 6], [240, 5], [245, 6], [260, 1]]),
    ];
    const [parse, script] = attributeLongTasks(events, MAIN, isExtension);
    expect(parse).toMatchObject({ owner: 'parse', extensionMs: 0, byOwner: { parse: 60, rendering: 40 } });
    expect(script).toMatchObject({ owner: 'page-script', extensionMs: 5, byOwner: { 'page-script': 55, extension: 5 } });
  });

  it('skips short tasks, nested task events and other threads', () => {
    const events = [x('RunTask', 0, 40), x('RunTask', 100, 60), x('RunTask', 110, 45), x('RunTask', 300, 90, 2)];
    const tasks = attributeLongTasks(events, MAIN, isExtension);
    expect(tasks.map((task) => [task.wallMs, task.owner])).toEqual([[60, 'other']]);
  });
});
