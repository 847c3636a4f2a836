import { mapLimit, sleep } from '../clients.ts';
import type { MemoryUsage } from '../inspector.ts';
import { benchInvoice } from '../invoices.ts';
import type { Target } from '../targets.ts';

export interface MemorySettings {
  invoicesPerRound: number;
  lines: number;
  rounds: number;
  settleMs: number;
}

export interface MemoryRound {
  invoices: number;
  before: MemoryUsage;
  after: MemoryUsage;
  /** Growth of the server's JS heap + external memory after a full GC, per loaded invoice. */
  bytesPerInvoice: number;
  /** Growth of its resident set per invoice (allocator and heap reservations included). */
  rssBytesPerInvoice: number;
}

/**
 * Memory per loaded 50-line invoice: each round opens `invoicesPerRound` more invoices, one
 * client each, and divides the server's memory growth by their number, read through the
 * inspector after forced full GCs. On Cofacture the invoices are created through the API
 * before the first reading, so only loading counts; on the bare servers the first client
 * writes the same content. The target must run with `--inspect=127.0.0.1:0`.
 */
export async function runMemory(target: Target, s: MemorySettings): Promise<MemoryRound[]> {
  const { inspector } = target;
  if (!inspector) throw new Error('the server was not started with --inspect');
  const init = benchInvoice(s.lines);
  // Warm-up: the first documents pay for code, pools and caches, not for themselves.
  const warm = await target.createInvoices(5, init);
  const clients = (await mapLimit(warm, 5, (name) => target.open(name, 1))).flat();
  const batches: string[][] = [];
  for (let r = 0; r < s.rounds; r++) batches.push(await target.createInvoices(s.invoicesPerRound, init));
  await sleep(s.settleMs);
  const rounds: MemoryRound[] = [];
  try {
    for (const batch of batches) {
      const before = await inspector.memoryAfterGc();
      clients.push(...(await mapLimit(batch, 10, (name) => target.open(name, 1))).flat());
      await sleep(s.settleMs);
      const after = await inspector.memoryAfterGc();
      rounds.push({
        invoices: batch.length,
        before,
        after,
        bytesPerInvoice: (after.heapUsed + after.external - before.heapUsed - before.external) / batch.length,
        rssBytesPerInvoice: (after.rss - before.rss) / batch.length,
      });
    }
  } finally {
    for (const client of clients) client.destroy();
  }
  return rounds;
}
