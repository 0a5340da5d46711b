/**
 * Who a main-thread long task belongs to, from a Chrome trace with the V8 CPU profiler's samples:
 * the extension's scripts (their evaluation, callbacks and continuations, and the style/layout work
 * forced inside them), the page's scripts, its HTML parsing, the browser's rendering, or garbage
 * collection. Used by scripts/bench-page.ts; pure over trace events so the rules are unit-tested.
 */

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string };
}

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: string;
      documentLoaderURL?: string;
      functionName?: string;
      stackTrace?: { url?: string }[];
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    beginData?: { stackTrace?: { url?: string }[] };
  };
}

/** One CPU profiler sample: when, on which thread, for how long, and its stack (leaf first). */
export interface Sample {
  thread: string;
  ts: number;
  dur: number;
  stack: { functionName: string; url: string }[];
}

/**
 * The V8 CPU profiler's samples from a trace ('disabled-by-default-v8.cpu_profiler'). A 'Profile'
 * event names the sampled thread; its 'ProfileChunk's (emitted from the profiler's own thread)
 * carry new stack nodes and samples with time deltas. Each sample lasts until the next one.
 */
export function profileSamples(events: readonly TraceEvent[]): Sample[] {
  const profiles = new Map<string, { thread: string; time: number; nodes: Map<number, ProfileNode>; samples: Sample[] }>();
  for (const event of events) {
    const key = `${event.pid}:${event.id}`;
    if (event.name === 'Profile') {
      profiles.set(key, { thread: `${event.pid}:${event.tid}`, time: event.args?.data?.startTime ?? event.ts, nodes: new Map(), samples: [] });
      continue;
    }
    if (event.name !== 'ProfileChunk') continue;
    const profile = profiles.get(key);
    const data = event.args?.data;
    if (!profile || !data) continue;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const deltas = data.timeDeltas ?? [];
    (data.cpuProfile?.samples ?? []).forEach((nodeId, index) => {
      profile.time += deltas[index] ?? 0;
      const stack: Sample['stack'] = [];
      for (let node = profile.nodes.get(nodeId); node; node = node.parent === undefined ? undefined : profile.nodes.get(node.parent)) {
        stack.push({ functionName: node.callFrame.functionName, url: node.callFrame.url ?? '' });
      }
      profile.samples.push({ thread: profile.thread, ts: profile.time, dur: 0, stack });
    });
  }
  const samples: Sample[] = [];
  for (const { samples: list } of profiles.values()) {
    list.forEach((sample, index) => {
      const next = list[index + 1];
      sample.dur = next ? next.ts - sample.ts : 0;
      samples.push(sample);
    });
  }
  return samples;
}

export type Owner = 'extension' | 'page-script' | 'parse' | 'rendering' | 'gc' | 'other';

export interface AttributedTask {
  /** Start, relative to the first event of the trace, and wall duration (ms). */
  startMs: number;
  wallMs: number;
  /** The task's thread (CPU) time, ms. */
  cpuMs: number;
  /** Sampled time (ms) by owner; 'other' is native work outside parsing and rendering, and unsampled time. */
  byOwner: Record<Owner, number>;
  /** Who the task is attributable to: the owner with the most time (the extension's GC counted as its own). */
  owner: Owner;
  /** The extension's time in the task: its sampled scripts, plus the task's GC when they were the main script. */
  extensionMs: number;
  /** The extension's innermost functions in the task's samples (> the native call they were in), longest first. */
  extensionFrames: { frame: string; ms: number }[];
}

/** Top-level task events, as Chrome names them (versions differ), nested ones dropped. */
export const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

const RENDER_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'RecalculateStyles', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'HitTest', 'Commit']);
const VM_STATES = new Set(['(program)', '(idle)', '(root)']);

/** Where a trace's times count from: its first complete event on `threads` (µs). */
export function traceOrigin(events: readonly TraceEvent[], threads: ReadonlySet<string>): number {
  return events.reduce((first, event) => (event.ph === 'X' && threads.has(`${event.pid}:${event.tid}`) ? Math.min(first, event.ts) : first), Infinity);
}

/**
 * Attributes each long task (over `minMs`) on the given threads from the CPU profiler's samples in it.
 * A sample whose stack holds one of the extension's scripts is the extension's — its forced style
 * and layout included, since those run inside its call — and one holding another script is the
 * page's; garbage collection is on its own; native work outside any script is the page's parsing or
 * the browser's rendering, told apart by the trace events it falls in. A task is the extension's
 * when its scripts ran in it and the page's did not, or ran less (then its GC is the extension's too).
 */
export function attributeLongTasks(
  events: readonly TraceEvent[],
  threads: ReadonlySet<string>,
  isExtensionUrl: (url: string) => boolean,
  minMs = 50,
): AttributedTask[] {
  const complete = events.filter((event) => event.ph === 'X' && threads.has(`${event.pid}:${event.tid}`)).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const samples = profileSamples(events).filter((sample) => threads.has(sample.thread)).sort((a, b) => a.ts - b.ts);
  const origin = traceOrigin(events, threads);
  const ms = (micros: number) => Math.round(micros / 100) / 10;
  const tasks: AttributedTask[] = [];
  const busyUntil = new Map<string, number>();
  for (const task of complete) {
    if (!TASK_NAMES.has(task.name)) continue;
    const thread = `${task.pid}:${task.tid}`;
    const end = task.ts + (task.dur ?? 0);
    // Chrome may nest one task event in another: keep the outermost.
    if (end <= (busyUntil.get(thread) ?? -Infinity)) continue;
    busyUntil.set(thread, end);
    if ((task.dur ?? 0) <= minMs * 1000) continue;
    const native = complete.filter(
      (event) => `${event.pid}:${event.tid}` === thread && event.ts >= task.ts && event.ts < end && (event.name === 'ParseHTML' || RENDER_EVENTS.has(event.name)),
    );
    const byOwner: Record<Owner, number> = { extension: 0, 'page-script': 0, parse: 0, rendering: 0, gc: 0, other: 0 };
    const frames = new Map<string, number>();
    for (const sample of samples) {
      if (sample.thread !== thread || sample.ts < task.ts || sample.ts >= end) continue;
      const dur = Math.min(sample.dur, end - sample.ts);
      const ownFrame = sample.stack.find((frame) => frame.url !== '' && isExtensionUrl(frame.url));
      let owner: Owner;
      if (ownFrame) owner = 'extension';
      else if (sample.stack.some((frame) => frame.url !== '')) owner = 'page-script';
      else if (sample.stack[0]?.functionName === '(garbage collector)') owner = 'gc';
      else {
        const within = native.filter((event) => event.ts <= sample.ts && sample.ts < event.ts + (event.dur ?? 0));
        owner = within.some((event) => event.name === 'ParseHTML') ? 'parse' : within.length > 0 ? 'rendering' : 'other';
      }
      byOwner[owner] += dur;
      if (ownFrame) {
        const leaf = sample.stack[0] as Sample['stack'][number];
        const frame = `${ownFrame.functionName || '(anonymous)'}${leaf !== ownFrame && !VM_STATES.has(leaf.functionName) ? ` > ${leaf.functionName}` : ''}`;
        frames.set(frame, (frames.get(frame) ?? 0) + dur);
      }
    }
    const sampled = Object.values(byOwner).reduce((sum, value) => sum + value, 0);
    byOwner.other += Math.max(0, (task.dur ?? 0) - sampled);
    // In a task where only (or mostly) the extension's scripts ran, the garbage they collect is theirs too.
    const ours = byOwner.extension > 0 && byOwner.extension >= byOwner['page-script'];
    const extensionMicros = byOwner.extension + (ours ? byOwner.gc : 0);
    const rest = (Object.entries(byOwner) as [Owner, number][]).filter(([key]) => key !== 'extension' && !(ours && key === 'gc'));
    const largest = rest.reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    const owner: Owner = ours && extensionMicros >= largest[1] ? 'extension' : largest[0];
    tasks.push({
      startMs: ms(task.ts - origin),
      wallMs: ms(task.dur ?? 0),
      cpuMs: ms(task.tdur ?? NaN),
      byOwner: Object.fromEntries(Object.entries(byOwner).map(([key, micros]) => [key, ms(micros)])) as Record<Owner, number>,
      owner,
      extensionMs: ms(extensionMicros),
      extensionFrames: [...frames].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([frame, micros]) => ({ frame, ms: ms(micros) })),
    });
  }
  return tasks;
}
