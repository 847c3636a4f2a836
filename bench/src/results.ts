import type { ProfileSummary } from './cpuProfile.ts';
import type { MachineInfo } from './machine.ts';
import type { LatencySummary } from './stats.ts';
import type { TargetName } from './targets.ts';
import type { ColdLoadResult } from './workloads/coldLoad.ts';
import type { MemoryRound } from './workloads/memory.ts';
import type { PropagationRound } from './workloads/propagation.ts';
import type { UpdateCostRound } from './workloads/updateCost.ts';

export interface Results {
  startedAt: string;
  finishedAt: string;
  command: string;
  quick: boolean;
  machine: MachineInfo;
  versions: Record<string, string>;
  settings: unknown;
  propagation: { editors: number; target: TargetName; rounds: PropagationRound[] }[];
  scale: { target: TargetName; connections: number; invoices: number; rounds: PropagationRound[] }[];
  memory: { target: TargetName; rounds: MemoryRound[] }[];
  coldLoad: { target: TargetName; result: ColdLoadResult }[];
  updateCost: { target: TargetName; rounds: UpdateCostRound[] }[];
  profile: {
    updates: number;
    file: string;
    /** The profiled server's CPU per update in the profiled window (profiler overhead included). */
    cpuMicrosPerUpdate: number;
    /** Sampled CPU per update, in microseconds, by group of frames. */
    perUpdateMicros: Record<string, number>;
    summary: ProfileSummary;
  } | null;
  /** Round trip through a bare `ws` echo server: the machine's floor. */
  floor: LatencySummary | null;
  /** Cores other processes used during the floor measurement, at the start of the run. */
  othersAtStart: number;
  failures: { target: TargetName | 'all'; workload: string; message: string }[];
}
