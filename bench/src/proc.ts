import { readFileSync } from 'node:fs';
import { livePids } from './servers/spawn.ts';

// Linux reports CPU time in clock ticks; USER_HZ is 100 on every architecture Node runs on.
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far, all its threads included. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** Resident set size in bytes (VmRSS), and the peak so far (VmHWM). */
export function residentBytes(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS') * 1024, peak: kib('VmHWM') * 1024 };
}

/** CPU seconds every process of the machine has used (from /proc/stat), idle and iowait excluded. */
function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (
    ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) /
    TICKS_PER_SECOND
  );
}

function benchSeconds(): number {
  const own = process.cpuUsage();
  let total = (own.user + own.system) / 1e6;
  for (const pid of livePids) {
    const seconds = cpuSeconds(pid);
    if (Number.isFinite(seconds)) total += seconds;
  }
  return total;
}

/**
 * Starts measuring the CPU that processes other than this bench (its load generator and its
 * servers) use meanwhile — on a shared machine, the noise behind a round's figures.
 */
export function otherLoad(): () => number {
  const machine0 = machineBusySeconds();
  const bench0 = benchSeconds();
  const t0 = performance.now();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const others = machineBusySeconds() - machine0 - (benchSeconds() - bench0);
    return Math.max(0, others / seconds);
  };
}
