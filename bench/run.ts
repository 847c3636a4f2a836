import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COFACTURE_GROUPS, summarizeProfile } from './src/cpuProfile.ts';
import { machineInfo, versions } from './src/machine.ts';
import { otherLoad } from './src/proc.ts';
import { buildRows, consoleTable, updateDoc, verdictLines, verdicts } from './src/report.ts';
import type { Results } from './src/results.ts';
import { livePids, REPO_ROOT } from './src/servers/spawn.ts';
import { spread } from './src/stats.ts';
import { startTarget, TARGETS, type Target, type TargetName } from './src/targets.ts';
import { ColdLoadSession } from './src/workloads/coldLoad.ts';
import { runFloor } from './src/workloads/floor.ts';
import { runMemory } from './src/workloads/memory.ts';
import { PropagationSession } from './src/workloads/propagation.ts';
import { UpdateCostSession } from './src/workloads/updateCost.ts';

const USAGE = `pnpm bench [-- options]
  --quick              short rounds (about 3 minutes); does not touch docs/ unless --docs
  --rounds N           rounds per figure (default 3, quick 2)
  --only LIST          workloads to run, e.g. 1,2 (default 1,2,3,4,5,6; 6 = audit replay and verify)
  --targets LIST       e.g. cofacture,y-websocket (default all three)
  --editors LIST       workload 1's editor counts, e.g. 20 (default 2,5,20)
  --no-profile         skip the profiled Cofacture run behind workload 5's breakdown
  --cpu-prof           run every server under node --cpu-prof (profiles in bench/results/profiles)
  --docs / --no-docs   update docs/benchmarks.md (default: on for full runs)
  --env KEY=VALUE      extra environment for the Cofacture server (repeatable)
  --cofacture-root DIR run Cofacture's server from another checkout (e.g. \`git archive\` of
                       an older commit with node_modules linked), for before/after runs`;

// `pnpm bench -- --quick` passes the `--` through.
const args = process.argv.slice(2).filter((a) => a !== '--');
const { values } = parseArgs({
  args,
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    only: { type: 'string', default: '1,2,3,4,5,6' },
    targets: { type: 'string', default: TARGETS.join(',') },
    editors: { type: 'string', default: '2,5,20' },
    'no-profile': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    docs: { type: 'boolean' },
    'no-docs': { type: 'boolean', default: false },
    env: { type: 'string', multiple: true, default: [] },
    'cofacture-root': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
// y-websocket's provider adds a process 'exit' listener per instance.
process.setMaxListeners(0);
// Interrupted: end the servers this run started (by pid) before leaving.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const pid of livePids) process.kill(pid, 'SIGTERM');
    process.exit(130);
  });
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const quick = values.quick;
const rounds = Number(values.rounds ?? (quick ? 2 : 3));
const only = new Set(values.only.split(',').map((s) => s.trim()));
const targets = values.targets.split(',').map((s) => s.trim()) as TargetName[];
for (const t of targets) if (!TARGETS.includes(t)) throw new Error(`unknown target ${t}: ${USAGE}`);
const writeDocs = values['no-docs'] ? false : (values.docs ?? !quick);
const cofactureEnv = Object.fromEntries(
  values.env.map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);

const settings = {
  cofactureServer: values['cofacture-root'] ?? 'this working tree',
  rounds,
  propagation: {
    sizes: values.editors.split(',').map(Number),
    invoices: 1,
    linesPerInvoice: 20,
    editsPerSecond: 10,
    warmupMs: 1000,
    roundMs: quick ? 2500 : 5000,
  },
  scale: {
    invoices: 100,
    editorsPerInvoice: 5,
    linesPerInvoice: 10,
    editsPerSecond: 1,
    warmupMs: 2000,
    roundMs: quick ? 4000 : 10_000,
  },
  memory: { invoicesPerRound: quick ? 50 : 100, lines: 50, rounds, settleMs: 1500 },
  coldLoad: { updates: 10_000, batch: 100, rounds: quick ? 3 : 5 },
  updateCost: { updates: quick ? 2000 : 5000, warmupUpdates: 2000, batch: 50 },
  floorMessages: quick ? 100 : 300,
  profileUpdates: quick ? 3000 : 10_000,
};

const resultsDir = join(REPO_ROOT, 'bench/results');
const profilesDir = join(resultsDir, 'profiles');
mkdirSync(profilesDir, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'cofacture-bench-'));
const began = Date.now();
const log = (message: string) =>
  console.log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const results: Results = {
  startedAt: new Date().toISOString(),
  finishedAt: '',
  command: `pnpm bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`,
  quick,
  machine: machineInfo(),
  versions: versions(),
  settings,
  propagation: [],
  scale: [],
  memory: [],
  coldLoad: [],
  updateCost: [],
  profile: null,
  floor: null,
  othersAtStart: Number.NaN,
  failures: [],
};

/** The main thread's profile is the largest; tsx's loader thread writes a small one beside it. */
function mainThreadProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => ({ f, size: statSync(join(dir, f)).size }))
    .sort((a, b) => b.size - a.size);
  if (!files[0]) throw new Error(`no CPU profile in ${dir}`);
  return join(dir, files[0].f);
}

let dirs = 0;
async function start(name: TargetName, extraFlags: string[] = []): Promise<Target> {
  // One folder per server: under tsx, the module loader's thread writes a profile of its own.
  const flags = values['cpu-prof']
    ? ['--cpu-prof', `--cpu-prof-dir=${join(profilesDir, `${name}-${Date.now()}`)}`]
    : [];
  return startTarget(name, {
    dataDir: join(scratch, `${name}-${dirs++}`),
    // The inspector reads each server's event-loop delay and, for workload 3, its memory.
    nodeFlags: [...flags, '--inspect=127.0.0.1:0', ...extraFlags],
    env: cofactureEnv,
    cofactureRoot: values['cofacture-root'],
  });
}

async function attempt(target: TargetName | 'all', workload: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.failures.push({ target, workload, message: message.slice(0, 500) });
    log(`FAILED ${workload} on ${target}: ${message.slice(0, 300)}`);
  }
}

/** Rounds interleave the targets, in a rotating order, so a burst of noise on a shared machine does not land on one target only. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function interleave<S>(
  workload: string,
  sessions: Map<TargetName, S>,
  count: number,
  fn: (name: TargetName, session: S) => Promise<void>,
): Promise<void> {
  const names = [...sessions.keys()];
  for (let r = 0; r < count; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length] as TargetName);
    for (const name of order) {
      const session = sessions.get(name);
      // A full collection of the load generator's own heap now, so that one is not due inside the
      // window: it holds every target's replicas, and its pauses delay whichever target runs.
      collectGarbage();
      if (session) await attempt(name, workload, () => fn(name, session));
    }
  }
}

async function openAll<S>(
  workload: string,
  servers: Map<TargetName, Target>,
  open: (target: Target) => Promise<S>,
): Promise<Map<TargetName, S>> {
  const sessions = new Map<TargetName, S>();
  for (const [name, target] of servers) {
    await attempt(name, workload, async () => {
      sessions.set(name, await open(target));
    });
  }
  return sessions;
}

async function startAll(): Promise<Map<TargetName, Target>> {
  const servers = new Map<TargetName, Target>();
  for (const name of targets)
    await attempt(name, 'start', async () => void servers.set(name, await start(name)));
  log(`servers up: ${[...servers.values()].map((t) => `${t.name} on ${t.server.port}`).join(', ')}`);
  return servers;
}

const ms = (values: number[]) => values.map((v) => v.toFixed(2)).join('/');

try {
  await attempt('all', '0 (floor)', async () => {
    const before = otherLoad();
    results.floor = await runFloor(settings.floorMessages);
    results.othersAtStart = before();
    log(
      `0. loopback WebSocket round trip: p50 ${results.floor.p50.toFixed(2)} p99 ${results.floor.p99.toFixed(2)} ms; other processes used ${results.othersAtStart.toFixed(2)} cores meanwhile`,
    );
  });
  // Workloads 1, 4 and 5 share one server per target; 2 and 3 get fresh ones, so their CPU
  // and memory are read off processes that did nothing else.
  if (only.has('1') || only.has('4') || only.has('5')) {
    const servers = await startAll();
    if (only.has('1')) {
      for (const editors of settings.propagation.sizes) {
        const s = { ...settings.propagation, editorsPerInvoice: editors };
        const sessions = await openAll(`1 (${editors} editors)`, servers, (t) =>
          PropagationSession.open(t, s),
        );
        await interleave(`1 (${editors} editors)`, sessions, rounds, async (name, session) => {
          const round = await session.round();
          let entry = results.propagation.find((p) => p.editors === editors && p.target === name);
          if (!entry) {
            entry = { editors, target: name, rounds: [] };
            results.propagation.push(entry);
          }
          entry.rounds.push(round);
        });
        for (const session of sessions.values()) session.close();
        for (const p of results.propagation.filter((x) => x.editors === editors))
          log(
            `1. ${editors} editors, ${p.target}: p50 ${ms(p.rounds.map((x) => x.p50))} p99 ${ms(p.rounds.map((x) => x.p99))} ms; server residence p50 ${ms(p.rounds.map((x) => x.serverResidenceLastP50))} ms`,
          );
      }
    }
    if (only.has('4')) {
      const sessions = await openAll('4', servers, (t) => ColdLoadSession.open(t, settings.coldLoad));
      await interleave('4', sessions, settings.coldLoad.rounds, (_, session) => session.warm());
      for (const session of sessions.values()) session.release();
      await interleave('4', sessions, settings.coldLoad.rounds, (_, session) => session.cold());
      for (const [name, session] of sessions) {
        results.coldLoad.push({ target: name, result: session.result });
        const r = session.result;
        log(
          `4. ${name}: built in ${r.buildSeconds.toFixed(1)} s; warm ${ms(r.warmMs)} ms; cold ${r.coldMs ? ms(r.coldMs) : 'n/a'} ms`,
        );
      }
    }
    if (only.has('5')) {
      const sessions = await openAll('5', servers, (t) => UpdateCostSession.open(t, settings.updateCost));
      await interleave('5', sessions, rounds, async (name, session) => {
        const round = await session.round();
        let entry = results.updateCost.find((u) => u.target === name);
        if (!entry) {
          entry = { target: name, rounds: [] };
          results.updateCost.push(entry);
        }
        entry.rounds.push(round);
      });
      for (const session of sessions.values()) session.close();
      for (const u of results.updateCost)
        log(`5. ${u.target}: ${ms(u.rounds.map((x) => x.cpuMicrosPerUpdate))} µs CPU per update`);
    }
    for (const target of servers.values()) await target.stop();
  }

  if (only.has('2')) {
    const servers = await startAll();
    const s = { ...settings.scale };
    const sessions = await openAll('2', servers, async (t) => {
      const session = await PropagationSession.open(t, s);
      log(`2. ${t.name}: ${s.invoices * s.editorsPerInvoice} connections open`);
      return session;
    });
    await interleave('2', sessions, rounds, async (name, session) => {
      const round = await session.round();
      let entry = results.scale.find((x) => x.target === name);
      if (!entry) {
        entry = {
          target: name,
          connections: s.invoices * s.editorsPerInvoice,
          invoices: s.invoices,
          rounds: [],
        };
        results.scale.push(entry);
      }
      entry.rounds.push(round);
      log(
        `2. ${name}: p50 ${round.p50.toFixed(2)} p99 ${round.p99.toFixed(2)} max ${round.max.toFixed(1)} ms, ${round.errors + round.lost} errors; server loop p99 ${round.serverLoopP99Ms.toFixed(1)} max ${round.serverLoopMaxMs.toFixed(1)} ms, GC pause max ${round.serverGcMaxMs.toFixed(1)} ms, CPU ${(round.serverCpuSeconds / round.seconds).toFixed(2)}; load generator lag max ${round.loadgenLagMaxMs.toFixed(1)} ms; others ${round.otherCores.toFixed(2)} cores`,
      );
    });
    for (const session of sessions.values()) session.close();
    for (const target of servers.values()) await target.stop();
  }

  if (only.has('3')) {
    for (const name of targets) {
      await attempt(name, '3', async () => {
        const target = await start(name);
        try {
          const r = await runMemory(target, settings.memory);
          results.memory.push({ target: name, rounds: r });
          log(`3. ${name}: ${r.map((x) => (x.bytesPerInvoice / 1024).toFixed(0)).join('/')} KiB per invoice`);
        } finally {
          await target.stop();
        }
      });
    }
  }

  if (only.has('5') && targets.includes('cofacture') && !values['no-profile']) {
    await attempt('cofacture', '5 (profile)', async () => {
      const dir = join(profilesDir, `cofacture-update-cost-${Date.now()}`);
      const target = await startTarget('cofacture', {
        dataDir: join(scratch, 'cofacture-profile'),
        nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100'],
        env: cofactureEnv,
        cofactureRoot: values['cofacture-root'],
      });
      const s = { ...settings.updateCost, updates: settings.profileUpdates };
      const session = await UpdateCostSession.open(target, s);
      const startUs = Number(process.hrtime.bigint() / 1000n);
      const round = await session.round();
      const endUs = Number(process.hrtime.bigint() / 1000n);
      session.close();
      await target.stop();
      const file = mainThreadProfile(dir);
      const summary = summarizeProfile(file, COFACTURE_GROUPS, { startUs, endUs });
      // Samples are taken on a wall-clock timer and the profiler costs CPU of its own, so a
      // group's share of the samples is applied to the CPU per update measured without the
      // profiler (the median of workload 5's rounds).
      const unprofiled = results.updateCost.find((u) => u.target === 'cofacture')?.rounds ?? [];
      const cpuPerUpdate =
        unprofiled.length > 0
          ? spread(unprofiled.map((r) => r.cpuMicrosPerUpdate)).median
          : round.cpuMicrosPerUpdate;
      const perUpdateMicros = Object.fromEntries(
        Object.entries(summary.inclusiveMs).map(([label, v]) => [
          label,
          (v / summary.totalMs) * cpuPerUpdate,
        ]),
      );
      results.profile = {
        updates: s.updates,
        file: file.slice(REPO_ROOT.length),
        cpuMicrosPerUpdate: round.cpuMicrosPerUpdate,
        perUpdateMicros,
        summary,
      };
      log(
        `5. profile: ${Object.entries(perUpdateMicros)
          .map(([k, v]) => `${k} ${v.toFixed(1)} µs`)
          .join(', ')}`,
      );
    });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

results.finishedAt = new Date().toISOString();
const rows = buildRows(results);
console.log(`\n${consoleTable(rows)}\n`);
for (const line of verdictLines(verdicts(results))) console.log(line);
const stamp = results.startedAt.replace(/[:.]/g, '-');
writeFileSync(join(resultsDir, `${stamp}${quick ? '-quick' : ''}.json`), JSON.stringify(results, null, 2));
writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(results, null, 2));
if (writeDocs) updateDoc(join(REPO_ROOT, 'docs/benchmarks.md'), results, rows);
log(`results in bench/results/latest.json${writeDocs ? ', table in docs/benchmarks.md' : ''}`);
if (results.failures.length > 0) process.exitCode = 1;

// Workload 6 (audit replay and verify) measures the server's store in process: its own script.
if (only.has('6')) {
  const audit = spawnSync(process.execPath, ['--import', 'tsx', 'bench/audit.ts'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (audit.status !== 0) process.exitCode = 1;
}
