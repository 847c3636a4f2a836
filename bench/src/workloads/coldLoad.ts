import * as Y from 'yjs';
import { type BenchClient, sleep, until } from '../clients.ts';
import { benchInvoice, hasMarker, lineIds, markDone, streamEdit } from '../invoices.ts';
import type { Target } from '../targets.ts';

export interface ColdLoadSettings {
  updates: number;
  /** Edits sent before waiting for the watcher to have them. */
  batch: number;
}

export interface ColdLoadResult {
  updates: number;
  buildSeconds: number;
  /** A new client until it holds the whole invoice, while another client keeps it loaded. */
  warmMs: number[];
  /** Same, once the server unloaded it (Cofacture: read from SQLite); null without storage. */
  coldMs: number[] | null;
}

const ORIGIN = 'bench-writer';
const MARKER = '2099-12-31';

/**
 * Load of an invoice whose log holds `updates` updates: a writer makes them one by one (small
 * edits, each its own update), paced by a watcher that must see each batch; the last one is a
 * marker. A load is timed from a new client's creation until its replica holds the marker.
 */
export class ColdLoadSession {
  readonly result: ColdLoadResult;
  private holders: BenchClient[];

  private constructor(
    readonly target: Target,
    private readonly name: string,
    holders: BenchClient[],
    updates: number,
    buildSeconds: number,
  ) {
    this.holders = holders;
    this.result = { updates, buildSeconds, warmMs: [], coldMs: target.storesDocuments ? [] : null };
  }

  static async open(target: Target, s: ColdLoadSettings): Promise<ColdLoadSession> {
    const [name] = await target.createInvoices(1, benchInvoice(20));
    if (!name) throw new Error('no invoice');
    const [writer, watcher] = (await target.open(name, 2)) as [BenchClient, BenchClient];
    const ids = lineIds(writer.doc);
    const start = performance.now();
    for (let k = 0; k < s.updates - 1; k++) {
      streamEdit(writer.doc, ids, k, ORIGIN);
      if ((k + 1) % s.batch === 0) await caughtUp(writer, watcher);
    }
    markDone(writer.doc, MARKER, ORIGIN);
    await until(watcher.doc, () => hasMarker(watcher.doc, MARKER), 'the marker at the watcher');
    return new ColdLoadSession(
      target,
      name,
      [writer, watcher],
      s.updates,
      (performance.now() - start) / 1000,
    );
  }

  private async load(): Promise<number> {
    const start = performance.now();
    const client = this.target.connect(this.name);
    await until(client.doc, () => hasMarker(client.doc, MARKER), 'a full load', 60_000);
    const ms = performance.now() - start;
    client.destroy();
    return ms;
  }

  /** The document stays loaded on the server: a sync of the whole state. */
  async warm(): Promise<void> {
    if (this.holders.length === 0) throw new Error('warm loads need the holders');
    this.result.warmMs.push(await this.load());
  }

  /** Lets the server unload the document (when it stores documents, it is then read from disk). */
  release(): void {
    for (const client of this.holders) client.destroy();
    this.holders = [];
  }

  async cold(): Promise<void> {
    if (!this.result.coldMs) return;
    // Hocuspocus unloads a document right after its last client leaves (nothing is pending).
    await sleep(500);
    this.result.coldMs.push(await this.load());
  }
}

/** The watcher holds everything the writer wrote (same clock for it), so the server has it too. */
export async function caughtUp(writer: BenchClient, watcher: BenchClient): Promise<void> {
  const id = writer.doc.clientID;
  const needed = Y.getState(writer.doc.store, id);
  await until(watcher.doc, () => Y.getState(watcher.doc.store, id) >= needed, 'the watcher to catch up');
}
