/**
 * Workload 6 (audit): `pnpm bench:audit`. Replay to any point of a 10 000-update history (with
 * the checkpoint snapshots the audit projector writes every 500 rows, and without), and a full
 * hash-chain verify of 100 000 log rows. In process, on a temp SQLite file: these are costs of
 * the server's own store and audit code, with no network in between, so there is no bare
 * baseline to compare with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  docName,
  initInvoiceDoc,
  insertLine,
  setLineField,
  setPartyField,
  visibleLines,
} from '@cofacture/shared';
import * as Y from 'yjs';
import { openDatabase } from '../server/src/db/openDatabase.ts';
import { ChainCheck } from '../server/src/services/audit/chainCheck.ts';
import { replayTo } from '../server/src/services/audit/replay.ts';
import { SqliteDocStore } from '../server/src/store/SqliteDocStore.ts';

const HISTORY = 10_000;
const CHAIN = 100_000;
const CHECKPOINT_EVERY = 500;
const PROBES = 60;

const dir = mkdtempSync(join(tmpdir(), 'cofacture-bench-audit-'));
const db = openDatabase(join(dir, 'audit.sqlite'));
const store = new SqliteDocStore(db);

function history(name: string, rows: number, checkpoints: boolean): void {
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => {
    const row = store.append(name, 'bench-user', update);
    if (checkpoints && row.seq % CHECKPOINT_EVERY === 0)
      store.writeSnapshot(name, row.seq, Y.encodeStateAsUpdate(doc));
  });
  initInvoiceDoc(doc, { buyer: { name: '' } }, null);
  for (let i = 0; i < 50; i++)
    insertLine(doc, i, { description: `Line ${i}`, quantity: '1', unitPrice: '10', vatRate: '20' }, null);
  const ids = visibleLines(doc).map((l) => l.id);
  for (let i = store.lastSeq(name); i < rows; i++) {
    if (i % 3 === 0) setLineField(doc, ids[i % ids.length] as string, 'quantity', String(1 + (i % 97)), null);
    else setPartyField(doc, 'buyer', 'name', `Buyer ${i % 1000}`, null);
  }
  doc.destroy();
}

function quantiles(values: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] as number };
}

function replayProbe(name: string, rows: number) {
  const times: number[] = [];
  for (let i = 0; i < PROBES; i++) {
    const seq = 1 + Math.floor(Math.random() * rows);
    const start = performance.now();
    replayTo(store, name, seq).doc.destroy();
    times.push(performance.now() - start);
  }
  return quantiles(times);
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
const results: [string, string][] = [];

history(docName('withcheckpoints'), HISTORY, true);
history(docName('nocheckpoints'), HISTORY, false);
const withCp = replayProbe(docName('withcheckpoints'), HISTORY);
const withoutCp = replayProbe(docName('nocheckpoints'), HISTORY);
results.push([
  '6a. state at a random seq of 10 000 updates, checkpoints every 500 (ms) p50 / p95 / max',
  `${fmt(withCp.p50)} / ${fmt(withCp.p95)} / ${fmt(withCp.max)}`,
]);
results.push([
  '6a. same, no snapshots at all (ms) p50 / p95 / max',
  `${fmt(withoutCp.p50)} / ${fmt(withoutCp.p95)} / ${fmt(withoutCp.max)}`,
]);

history(docName('chain'), CHAIN, true);
const rows = db.prepare(
  'SELECT seq, at, user_id AS userId, "update", prev_hash AS prevHash, hash FROM doc_updates WHERE doc = ? ORDER BY seq',
);
(globalThis as { gc?: () => void }).gc?.();
const memoryBefore = process.memoryUsage.rss();
// The peak, sampled every 1 000 rows: a collection during the verify would otherwise hide (or,
// freeing the setup's garbage, turn negative) what the streaming check itself holds.
let memoryPeak = memoryBefore;
let pushed = 0;
const start = performance.now();
const check = new ChainCheck(docName('chain'));
for (const row of rows.iterate(docName('chain')) as IterableIterator<Parameters<ChainCheck['push']>[0]>) {
  check.push(row);
  if (++pushed % 1000 === 0) memoryPeak = Math.max(memoryPeak, process.memoryUsage.rss());
}
const verifyMs = performance.now() - start;
const verdict = check.finish();
if (!verdict.ok || verdict.checked !== CHAIN)
  throw new Error(`verify did not check the whole chain cleanly: ${JSON.stringify(verdict)}`);
results.push([`6b. verify of ${CHAIN.toLocaleString('en')} chained entries (ms)`, fmt(verifyMs)]);
results.push(['6b. verify, entries per second', Math.round(CHAIN / (verifyMs / 1000)).toLocaleString('en')]);
results.push(['6b. verify, peak extra resident memory (MiB)', fmt((memoryPeak - memoryBefore) / 2 ** 20)]);

db.close();
rmSync(dir, { recursive: true, force: true });
const width = Math.max(...results.map(([k]) => k.length));
console.log('Workload 6 (audit), in process on a temp SQLite file');
for (const [k, v] of results) console.log(`${k.padEnd(width)}  ${v}`);
