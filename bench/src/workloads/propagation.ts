import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setLineField, visibleLines } from '@cofacture/shared';
import { type BenchClient, mapLimit, sleep } from '../clients.ts';
import type { LoopDelay } from '../inspector.ts';
import { benchInvoice, lineIds } from '../invoices.ts';
import { cpuSeconds, otherLoad, residentBytes } from '../proc.ts';
import { type LatencySummary, summarize } from '../stats.ts';
import type { Target } from '../targets.ts';

export interface PropagationSettings {
  invoices: number;
  editorsPerInvoice: number;
  linesPerInvoice: number;
  /** Per editor; the editors' ticks are spread evenly over the period. */
  editsPerSecond: number;
  warmupMs: number;
  roundMs: number;
}

export interface PropagationRound extends LatencySummary {
  /** Each receiving editor counted on its own (the figures above wait for the last one). */
  perDeliveryP50: number;
  /** Until the first other editor applied the edit: the server's part, least fan-in. */
  firstDeliveryP50: number;
  sent: number;
  /** Edits that some other editor of the invoice had not seen 5 s after the round. */
  lost: number;
  /** Connection problems (closes, errors) that arose during the round. */
  errors: number;
  seconds: number;
  serverCpuSeconds: number;
  /**
   * The load generator's own CPU per delivery (its sends included): what one replica costs to
   * receive and apply an edit through the target's provider. Every receiver of an edit lives
   * in this one process, so an edit reaches the last of them after about (n − 1) of these.
   */
  loadgenCpuMicrosPerDelivery: number;
  serverRssBytes: number;
  /** The load generator's own event-loop delay, p99: when high, latencies include it. */
  loadgenLagP99Ms: number;
  /** …and its longest stall (e.g. a GC of the 1 500 replicas it holds), which every edit in flight waits out. */
  loadgenLagMaxMs: number;
  /** Cores used meanwhile by processes that are not this bench's (a shared machine's noise). */
  otherCores: number;
  /** The server's own event-loop delay in the window (read through its inspector). */
  serverLoopP99Ms: number;
  serverLoopMaxMs: number;
  /** The server's longest garbage-collection pause in the window. */
  serverGcMaxMs: number;
  /** From the server's read of an edit to its write to the first / last receiver (ms). */
  serverResidenceFirstP50: number;
  serverResidenceLastP50: number;
  serverResidenceLastP99: number;
}

const NO_LOOP_READING: LoopDelay = {
  p99: Number.NaN,
  max: Number.NaN,
  gcMax: Number.NaN,
  residence: { count: 0, firstP50: Number.NaN, lastP50: Number.NaN, lastP99: Number.NaN },
};

const FIELD = 'unitPrice';
const ORIGIN = 'bench-editor';

interface Pending {
  sentAt: number;
  remaining: number;
  measured: boolean;
}

/**
 * Edit propagation: each editor sets its own line's unit price to the current time (a
 * decimal string of milliseconds from the load generator's one clock) at a steady rate; an
 * edit's latency runs from that local edit until the last other editor of the invoice has
 * applied it, read off the timestamp embedded in the value. Connections stay open across
 * rounds, so rounds of different targets can interleave.
 */
export class PropagationSession {
  private readonly pending = new Map<string, Pending>();
  private samples: number[] = [];
  private deliveries: number[] = [];
  private firsts: number[] = [];

  private constructor(
    readonly target: Target,
    private readonly s: PropagationSettings,
    private readonly groups: BenchClient[][],
  ) {
    groups.forEach((group, g) => {
      for (const client of group) {
        for (const { line, id } of visibleLines(client.doc)) {
          line.observe((event) => {
            if (event.transaction.local || !event.keysChanged.has(FIELD)) return;
            this.seen(`${g}/${id}/${String(line.get(FIELD))}`);
          });
        }
      }
    });
  }

  static async open(target: Target, s: PropagationSettings): Promise<PropagationSession> {
    const names = await target.createInvoices(s.invoices, benchInvoice(s.linesPerInvoice));
    const groups = await mapLimit(names, 5, (name) => target.open(name, s.editorsPerInvoice));
    return new PropagationSession(target, s, groups);
  }

  private seen(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    if (entry.measured) {
      const latency = performance.now() - entry.sentAt;
      this.deliveries.push(latency);
      if (entry.remaining === this.s.editorsPerInvoice - 1) this.firsts.push(latency);
    }
    entry.remaining -= 1;
    if (entry.remaining > 0) return;
    this.pending.delete(key);
    if (entry.measured) this.samples.push(performance.now() - entry.sentAt);
  }

  private problems(): number {
    return this.groups.flat().reduce((n, c) => n + c.problems.length, 0);
  }

  /** A warm-up, then one measured window of steady edits; returns once the window drained. */
  async round(): Promise<PropagationRound> {
    const { s, target } = this;
    this.samples = [];
    this.deliveries = [];
    this.firsts = [];
    const editors = this.groups.flatMap((group, g) => {
      const ids = lineIds((group[0] as BenchClient).doc);
      return group.map((client, i) => ({ client, g, lineId: ids[i % ids.length] as string }));
    });
    const period = 1000 / s.editsPerSecond;
    const endMs = s.warmupMs + s.roundMs;
    let sent = 0;
    let cpu0 = Number.NaN;
    let ownCpu0 = process.cpuUsage();
    let problems0 = 0;
    let stopOthers = () => Number.NaN;
    const lag = monitorEventLoopDelay({ resolution: 5 });
    const start = performance.now();
    const windowStart = setTimeout(() => {
      target.inspector?.loopDelay().catch(() => {});
      cpu0 = cpuSeconds(target.server.pid);
      ownCpu0 = process.cpuUsage();
      problems0 = this.problems();
      stopOthers = otherLoad();
      lag.enable();
    }, s.warmupMs);

    await new Promise<void>((resolve) => {
      let running = editors.length;
      editors.forEach((editor, e) => {
        const offset = (e / editors.length) * period;
        let k = 0;
        const tick = () => {
          if (offset + k * period >= endMs) {
            running -= 1;
            if (running === 0) resolve();
            return;
          }
          const value = performance.now().toFixed(3);
          const sentAt = Number(value);
          const measured = sentAt - start >= s.warmupMs;
          if (measured) sent += 1;
          this.pending.set(`${editor.g}/${editor.lineId}/${value}`, {
            sentAt,
            remaining: s.editorsPerInvoice - 1,
            measured,
          });
          setLineField(editor.client.doc, editor.lineId, FIELD, value, ORIGIN);
          k += 1;
          setTimeout(tick, Math.max(0, start + offset + k * period - performance.now()));
        };
        setTimeout(tick, offset);
      });
    });
    // The window is the sending time; CPU and load are read when the last edit left.
    while (Number.isNaN(cpu0)) await sleep(1);
    const serverCpuSeconds = cpuSeconds(target.server.pid) - cpu0;
    const ownCpu = process.cpuUsage(ownCpu0);
    const otherCores = stopOthers();
    const errors = this.problems() - problems0;
    const loop = (await target.inspector?.loopDelay()) ?? NO_LOOP_READING;
    lag.disable();
    clearTimeout(windowStart);
    const drainStart = Date.now();
    const unseen = () => [...this.pending.values()].filter((p) => p.measured).length;
    while (unseen() > 0 && Date.now() - drainStart < 5000) await sleep(10);
    const lost = unseen();
    // Edits of this round that never completed must not count in the next one.
    for (const [key, p] of this.pending) if (p.measured || p.sentAt < start + endMs) this.pending.delete(key);
    return {
      ...summarize(this.samples),
      perDeliveryP50: summarize(this.deliveries).p50,
      firstDeliveryP50: summarize(this.firsts).p50,
      sent,
      lost,
      errors,
      seconds: s.roundMs / 1000,
      serverCpuSeconds,
      loadgenCpuMicrosPerDelivery: (ownCpu.user + ownCpu.system) / (sent * (s.editorsPerInvoice - 1)),
      serverRssBytes: residentBytes(target.server.pid).rss,
      loadgenLagP99Ms: lag.percentile(99) / 1e6,
      loadgenLagMaxMs: lag.max / 1e6,
      otherCores,
      serverLoopP99Ms: loop.p99,
      serverLoopMaxMs: loop.max,
      serverGcMaxMs: loop.gcMax,
      // The inspector's JSON turns a NaN (no fan-out in the window) into null.
      serverResidenceFirstP50: loop.residence.firstP50 ?? Number.NaN,
      serverResidenceLastP50: loop.residence.lastP50 ?? Number.NaN,
      serverResidenceLastP99: loop.residence.lastP99 ?? Number.NaN,
    };
  }

  close(): void {
    for (const client of this.groups.flat()) client.destroy();
  }
}
