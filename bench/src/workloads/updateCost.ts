import type { BenchClient } from '../clients.ts';
import { benchInvoice, lineIds, streamEdit } from '../invoices.ts';
import { cpuSeconds } from '../proc.ts';
import type { Target } from '../targets.ts';
import { caughtUp } from './coldLoad.ts';

export interface UpdateCostSettings {
  updates: number;
  warmupUpdates: number;
  batch: number;
}

export interface UpdateCostRound {
  updates: number;
  seconds: number;
  /** Server CPU (user + system, all threads) per update, in microseconds. */
  cpuMicrosPerUpdate: number;
  updatesPerSecond: number;
}

const ORIGIN = 'bench-writer';

/**
 * Server CPU per small update: one writer sends updates in batches, and a watcher on the same
 * invoice must see each batch before the next goes — so every update is applied, stored where
 * the target stores, acknowledged where it acknowledges, and broadcast to both connections.
 */
export class UpdateCostSession {
  private k = 0;
  private readonly ids: string[];

  private constructor(
    readonly target: Target,
    private readonly s: UpdateCostSettings,
    private readonly writer: BenchClient,
    private readonly watcher: BenchClient,
  ) {
    this.ids = lineIds(writer.doc);
  }

  static async open(target: Target, s: UpdateCostSettings): Promise<UpdateCostSession> {
    const [name] = await target.createInvoices(1, benchInvoice(20));
    if (!name) throw new Error('no invoice');
    const [writer, watcher] = (await target.open(name, 2)) as [BenchClient, BenchClient];
    const session = new UpdateCostSession(target, s, writer, watcher);
    await session.send(s.warmupUpdates);
    return session;
  }

  private async send(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      streamEdit(this.writer.doc, this.ids, this.k++, ORIGIN);
      if ((i + 1) % this.s.batch === 0 || i === count - 1) await caughtUp(this.writer, this.watcher);
    }
  }

  async round(): Promise<UpdateCostRound> {
    const cpu0 = cpuSeconds(this.target.server.pid);
    const t0 = performance.now();
    await this.send(this.s.updates);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(this.target.server.pid) - cpu0;
    return {
      updates: this.s.updates,
      seconds,
      cpuMicrosPerUpdate: (cpu / this.s.updates) * 1e6,
      updatesPerSecond: this.s.updates / seconds,
    };
  }

  close(): void {
    this.writer.destroy();
    this.watcher.destroy();
  }
}
