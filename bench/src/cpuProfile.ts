import { readFileSync } from 'node:fs';

/** The parts of V8's `.cpuprofile` (written by `node --cpu-prof`) that the bench reads. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds on the machine's monotonic clock, the one `process.hrtime` reads. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A window on the monotonic clock, in microseconds (`process.hrtime.bigint() / 1000n`). */
export interface Window {
  startUs: number;
  endUs: number;
}

export interface Frame {
  functionName: string;
  url: string;
}

export interface ProfileSummary {
  /** Sampled time that was not idle, inside the window if one was given. */
  totalMs: number;
  /** Milliseconds of samples with at least one frame on the stack matching each label. */
  inclusiveMs: Record<string, number>;
  topSelf: { frame: string; ms: number }[];
  topInclusive: { frame: string; ms: number }[];
}

/** Frames whose sampled time the profile of workload 5 reports per update. */
export const COFACTURE_GROUPS: Record<string, (f: Frame) => boolean> = {
  'durable append + hash (store)': (f) => f.functionName === 'append' && f.url.includes('/server/src/store/'),
  'hash alone': (f) => f.functionName === 'chainHash',
  'all Cofacture extensions': (f) => /\/server\/src\/(extensions|services\/audit)\//.test(f.url),
  'persistence extension (append included)': (f) => f.url.includes('/extensions/persistence/'),
  'guard extension': (f) => f.url.includes('/extensions/guard/'),
  'audit extension + projector': (f) => /\/(extensions|services)\/audit\//.test(f.url),
  'index extension': (f) => f.url.includes('/extensions/index/'),
  'protocol guard (limits)': (f) => f.url.includes('/extensions/limits/'),
  'locks + workflow extensions': (f) => /\/extensions\/(locks|workflow)\//.test(f.url),
  'socket writes (ws send)': (f) => f.functionName === 'send' && f.url.includes('/ws/lib/websocket.js'),
  'garbage collection': (f) => f.functionName === '(garbage collector)',
};

export function frameLabel(frame: Frame & { lineNumber?: number }): string {
  const file = frame.url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '');
  const short = file.replace(/^.*\/work\/main\//, '');
  return `${frame.functionName || '(anonymous)'} ${short}${frame.lineNumber !== undefined && short ? `:${frame.lineNumber + 1}` : ''}`;
}

/**
 * Attributes sampled time to labelled groups of frames. A sample counts for a label when any
 * frame of its stack matches, once, however deep the recursion.
 */
export function summarizeProfile(
  file: string,
  labels: Record<string, (frame: Frame) => boolean>,
  window?: Window,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stackLabels = new Map<number, string[]>();
  const stackFrames = new Map<number, string[]>();
  const labelsOf = (id: number): string[] => {
    const cached = stackLabels.get(id);
    if (cached) return cached;
    const node = byId.get(id);
    const up = parent.get(id);
    const inherited = up === undefined ? [] : labelsOf(up);
    const own = node ? Object.entries(labels).filter(([, match]) => match(node.callFrame)) : [];
    const result = [...new Set([...inherited, ...own.map(([label]) => label)])];
    stackLabels.set(id, result);
    return result;
  };
  const framesOf = (id: number): string[] => {
    const cached = stackFrames.get(id);
    if (cached) return cached;
    const node = byId.get(id);
    const up = parent.get(id);
    const result = [
      ...new Set([...(up === undefined ? [] : framesOf(up)), node ? frameLabel(node.callFrame) : '?']),
    ];
    stackFrames.set(id, result);
    return result;
  };
  const inclusiveMs: Record<string, number> = Object.fromEntries(Object.keys(labels).map((l) => [l, 0]));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.startUs || at > window.endUs)) return;
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    const name = node.callFrame.functionName;
    if (name === '(idle)') return;
    totalMs += ms;
    for (const label of labelsOf(id)) inclusiveMs[label] = (inclusiveMs[label] ?? 0) + ms;
    const own = frameLabel(node.callFrame);
    self.set(own, (self.get(own) ?? 0) + ms);
    for (const frame of framesOf(id)) inclusive.set(frame, (inclusive.get(frame) ?? 0) + ms);
  });
  const top = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([frame, ms]) => ({ frame, ms }));
  return { totalMs, inclusiveMs, topSelf: top(self), topInclusive: top(inclusive) };
}

export interface LongTask {
  /** Milliseconds since the profile started. */
  atMs: number;
  ms: number;
  /** Frames most present in the task, by sampled time. */
  frames: { frame: string; ms: number }[];
}

/**
 * Stretches of the main thread without an idle sample: each is a task that held the event
 * loop (or the thread was descheduled while busy). The longest ones explain latency tails.
 */
export function longTasks(
  file: string,
  minMs: number,
  exclude: (frame: string) => boolean = () => false,
): LongTask[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stack = (id: number): string[] => {
    const out: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node) out.push(frameLabel(node.callFrame));
    }
    return [...new Set(out)];
  };
  const tasks: LongTask[] = [];
  let current: { start: number; ms: number; frames: Map<string, number> } | null = null;
  let at = 0;
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    at += delta;
    const idle = byId.get(id)?.callFrame.functionName === '(idle)';
    if (idle) {
      if (current && current.ms >= minMs) {
        const frames = [...current.frames.entries()]
          .filter(([f]) => !exclude(f))
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .map(([frame, ms]) => ({ frame, ms }));
        tasks.push({ atMs: current.start, ms: current.ms, frames });
      }
      current = null;
      return;
    }
    current ??= { start: at, ms: 0, frames: new Map() };
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    current.ms += ms;
    for (const frame of stack(id)) current.frames.set(frame, (current.frames.get(frame) ?? 0) + ms);
  });
  return tasks.sort((a, b) => b.ms - a.ms);
}
