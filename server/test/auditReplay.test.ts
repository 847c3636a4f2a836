import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addThread,
  docName,
  insertLine,
  invoiceMap,
  moveLine,
  readInvoice,
  removeLine,
  richText,
  setLineDescription,
  setLineField,
  setPartyField,
  visibleLines,
} from '@cofacture/shared';
import { type AuditView, readAuditView, type StateResponse } from '@cofacture/shared/audit/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../src/db/openDatabase.ts';
import { AuditService } from '../src/services/audit/AuditService.ts';
import { replayTo } from '../src/services/audit/replay.ts';
import { DB_FILE } from '../src/services/Services.ts';
import { SqliteDocStore } from '../src/store/SqliteDocStore.ts';
import { api, login } from './support/api.ts';
import { connect, type TestClient, waitFor } from './support/collabClient.ts';
import { addDemoUser, createInState, startTestApp, type TestApp } from './support/startTestApp.ts';

/** Persistence snapshots every few updates, so replays start from many different snapshots. */
const SNAPSHOT_EVERY = 6;

let app: TestApp;
const tokens: Record<string, string> = {};
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startTestApp({ SNAPSHOT_EVERY: String(SNAPSHOT_EVERY) });
  await addDemoUser(app, 'paul@demo.test', 'Paul Preparer', ['preparer']);
  for (const who of ['alice', 'admin', 'paul', 'dave'])
    tokens[who] = await login(app.url, `${who}@demo.test`);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await app.close();
});

/** mulberry32: a small seeded generator, so a failing history can be replayed by its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['ACME', 'SAS', 'Lyon', 'été', '😀', 'Design', 'x', '42', ''];

/** One random edit of the kinds people make, some of them refused by the guard. */
function randomEdit(rand: () => number, client: TestClient, paul: TestClient): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const lines = visibleLines(client.doc).map((l) => l.id);
  const word = pick(WORDS);
  const op = Math.floor(rand() * 10);
  if (op === 0)
    setPartyField(
      client.doc,
      pick(['buyer', 'seller'] as const),
      pick(['name', 'address'] as const),
      word,
      'x',
    );
  else if (op === 1 || lines.length === 0)
    insertLine(client.doc, Math.floor(rand() * 4), { description: word }, 'x');
  else if (op === 2 && lines.length > 1) removeLine(client.doc, pick(lines), 'x');
  else if (op === 3) moveLine(client.doc, pick(lines), Math.floor(rand() * lines.length), 'x');
  else if (op === 4)
    setLineField(
      client.doc,
      pick(lines),
      pick(['quantity', 'unitPrice', 'vatRate'] as const),
      String(Math.floor(rand() * 100)),
      'x',
    );
  else if (op === 5) setLineDescription(client.doc, pick(lines), word, 'x');
  else if (op === 6) {
    const notes = richText(client.doc, 'notes') as Y.XmlText;
    const paragraph = notes.toDelta()[0]?.insert;
    if (paragraph instanceof Y.XmlText) paragraph.insert(Math.min(1, paragraph.length), word || 'y');
  } else if (op === 7)
    client.send({ type: rand() < 0.6 ? 'lock.acquire' : 'lock.release', path: `lines.${pick(lines)}` });
  else if (op === 8)
    addThread(
      client.doc,
      { anchor: { type: 'invoice' }, author: { id: 'x', name: 'X' }, text: word || 'hm' },
      'x',
    );
  else paul.doc.transact(() => invoiceMap(paul.doc).set('status', 'paid'), 'x'); // refused, compensated
}

/** The readable state plus the Yjs state vector: equal vectors mean the same operations applied. */
function fingerprint(doc: Y.Doc): { view: AuditView; vector: string } {
  return { view: readAuditView(doc), vector: Buffer.from(Y.encodeStateVector(doc)).toString('hex') };
}

describe('replay to any seq', () => {
  it('equals applying the first k logged updates to an empty document, for every k of random histories', async () => {
    const store = app.services.store;
    for (const seed of [1, 2, 3, 4]) {
      const rand = random(seed);
      const id = await createInState(app, {
        buyer: { name: 'ACME' },
        lines: [{ description: 'Design' }],
        notes: 'Hi',
      });
      const a = await connect(app.wsUrl, id, tokens.alice as string);
      const b = await connect(app.wsUrl, id, tokens.admin as string);
      const paul = await connect(app.wsUrl, id, tokens.paul as string);
      clients.push(a, b, paul);
      for (let step = 0; step < 60; step++) {
        randomEdit(rand, rand() < 0.5 ? a : b, paul);
        // Sometimes let both sides edit before syncing: concurrent updates in the log.
        if (rand() < 0.6) await Promise.all([a.settled(), b.settled(), paul.settled()]);
      }
      await Promise.all([a.settled(), b.settled(), paul.settled()]);
      await waitFor(() => readInvoice(paul.doc).status === 'draft', 'compensations applied');
      const name = docName(id);
      const head = store.lastSeq(name);
      expect(head).toBeGreaterThan(40);
      app.services.audit.projector.project(name); // what /history does: also writes checkpoints

      const naive = new Y.Doc();
      const rows = store.updates(name);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
      for (let k = 0; k <= head; k++) {
        if (k > 0) Y.applyUpdate(naive, (rows[k - 1] as (typeof rows)[number]).update);
        const replayed = replayTo(store, name, k);
        expect(fingerprint(replayed.doc), `seed ${seed}, seq ${k}`).toEqual(fingerprint(naive));
        expect(replayed.applied, `seed ${seed}, seq ${k}`).toBeLessThan(SNAPSHOT_EVERY);
        replayed.doc.destroy();
        if (k % 10 === 0 || k === head) {
          const response = await api<StateResponse>(app.url, `/api/invoices/${id}/state?at=${k}`, {
            token: tokens.dave,
          });
          const { invoice, locks, comments } = response.body;
          expect({ invoice, locks, comments }, `HTTP seed ${seed}, seq ${k}`).toEqual(readAuditView(naive));
        }
      }
      expect(readAuditView(naive)).toEqual(readAuditView(a.doc));
      for (const c of [a, b, paul]) c.destroy();
    }
  });

  it('writes checkpoints while projecting, so sparse old history replays from at most N updates', async () => {
    const id = await createInState(app, { buyer: { name: 'ACME' }, lines: [{ description: 'Design' }] });
    const alice = await connect(app.wsUrl, id, tokens.alice as string);
    clients.push(alice);
    const rand = random(99);
    for (let i = 0; i < 120; i++) {
      setLineField(
        alice.doc,
        visibleLines(alice.doc)[0]?.id as string,
        'quantity',
        String(Math.floor(rand() * 1000)),
        'x',
      );
      if (i % 10 === 9) await alice.settled();
    }
    await alice.settled();
    alice.destroy();
    // Wait for the document to unload (its last projection) so the file holds everything.
    await waitFor(() => !app.hocuspocus.documents.has(docName(id)), 'document unloaded', 20_000);
    const entries = (
      await api<{ entries: unknown[] }>(app.url, `/api/invoices/${id}/history?limit=1000`, {
        token: tokens.dave,
      })
    ).body.entries;

    // A copy of the real database in which this document lost its snapshots and projection —
    // old history from before snapshots and the audit log existed.
    const dir = mkdtempSync(join(tmpdir(), 'cofacture-replay-'));
    app.services.db.exec(`VACUUM INTO '${join(dir, DB_FILE)}'`);
    const db = openDatabase(join(dir, DB_FILE), { checkpointIntervalMs: 0 });
    const name = docName(id);
    db.exec('DROP TRIGGER audit_entries_no_delete; DROP TRIGGER audit_watermarks_no_delete;');
    for (const table of ['doc_snapshots', 'audit_entries', 'audit_watermarks'])
      db.prepare(`DELETE FROM ${table} WHERE doc = ?`).run(name);
    const store = new SqliteDocStore(db);
    const head = store.lastSeq(name);
    expect(replayTo(store, name, head).applied).toBe(head); // no snapshot: the whole log

    const audit = new AuditService(db, store, { checkpointEvery: 10 });
    audit.projector.project(name, { now: Date.now() + 3_600_000 });
    for (let k = 0; k <= head; k++) expect(replayTo(store, name, k).applied, `seq ${k}`).toBeLessThan(10);
    // Rebuilt from nothing, the projection is the same change log.
    const rebuilt = (await audit.history(id, { limit: 1000, order: 'asc' })).entries;
    expect(rebuilt).toEqual(entries);
    db.close();
  });
});
