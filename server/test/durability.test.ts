import { join } from 'node:path';
import { insertLine, readInvoice, setPartyField } from '@cofacture/shared';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DB_FILE } from '../src/services/Services.ts';
import { api, createInvoice, login } from './support/api.ts';
import { connect } from './support/collabClient.ts';
import { COMPLETE } from './support/fixtures.ts';
import { type SpawnedServer, spawnServer } from './support/spawnServer.ts';

const servers: SpawnedServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill9();
});

async function start(dataDir?: string, env?: Record<string, string>) {
  const server = await spawnServer({ dataDir, env });
  servers.push(server);
  return server;
}

function fullLogState(dataDir: string, doc: string): Y.Doc {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true });
  const rows = db.prepare('SELECT "update" FROM doc_updates WHERE doc = ? ORDER BY seq').all(doc) as {
    update: Buffer;
  }[];
  db.close();
  const ydoc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(ydoc, row.update);
  return ydoc;
}

describe('durability', () => {
  it('loses nothing to kill -9 once the client reports no unsynced changes (20 cycles)', async () => {
    let server = await start();
    const dataDir = server.dataDir;
    const token = await login(server.url, 'alice@demo.test');
    const id = await createInvoice(server.url, token, { invoice: { buyer: { name: '' } } });
    const expectedLines: string[] = [];
    let expectedName = '';
    for (let cycle = 0; cycle < 20; cycle++) {
      const client = await connect(server.wsUrl, id, token);
      const before = readInvoice(client.doc);
      expect(before.buyer.name).toBe(expectedName);
      expect(before.lines.map((l) => l.description)).toEqual(expectedLines);

      expectedName += `${cycle},`;
      setPartyField(client.doc, 'buyer', 'name', expectedName, 'test');
      insertLine(client.doc, expectedLines.length, { description: `line ${cycle}`, quantity: '1' }, 'test');
      expectedLines.push(`line ${cycle}`);
      await client.settled();
      // No grace period: the crash comes right after the ack. The client goes first only so
      // its reconnect attempts do not race the dead port.
      client.destroy();
      await server.kill9();
      server = await start(dataDir);
    }
    const last = await connect(server.wsUrl, id, token);
    expect(readInvoice(last.doc).buyer.name).toBe(expectedName);
    expect(readInvoice(last.doc).lines).toHaveLength(20);
    last.destroy();
  }, 240_000);

  it('who edited last survives kill -9 with the edit: four-eyes still refuses that person', async () => {
    let server = await start();
    const dataDir = server.dataDir;
    const alice = await login(server.url, 'alice@demo.test');
    const bob = await login(server.url, 'bob@demo.test');
    const id = await createInvoice(server.url, alice, { invoice: COMPLETE });
    const submit = await api(server.url, `/api/invoices/${id}/actions/submit`, {
      method: 'POST',
      token: alice,
      body: {},
    });
    expect(submit.status).toBe(200);
    // Bob (verifier) corrects the buyer during review; the crash comes right after the ack.
    const client = await connect(server.wsUrl, id, bob);
    setPartyField(client.doc, 'buyer', 'name', 'ACME SAS', 'test');
    await client.settled();
    client.destroy();
    await server.kill9();
    server = await start(dataDir);
    const verify = await api<{ error: { message: string } }>(
      server.url,
      `/api/invoices/${id}/actions/verify`,
      {
        method: 'POST',
        token: await login(server.url, 'bob@demo.test'),
        body: {},
      },
    );
    expect(verify.status).toBe(422);
    expect(verify.body.error.message).toMatch(/Four-eyes rule: you made the last change/);
  }, 60_000);

  it('restart from snapshots + tail gives the same state as replaying the whole log', async () => {
    const server = await start(undefined, { SNAPSHOT_EVERY: '7' });
    const token = await login(server.url, 'alice@demo.test');
    const id = await createInvoice(server.url, token);
    const client = await connect(server.wsUrl, id, token);
    for (let i = 0; i < 30; i++) {
      setPartyField(client.doc, 'buyer', 'name', `Buyer ${i}`, 'test');
      if (i % 3 === 0) insertLine(client.doc, 0, { description: `L${i}`, unitPrice: `${i}.50` }, 'test');
      await client.settled();
    }
    client.destroy();
    await server.kill9();

    const db = new Database(join(server.dataDir, DB_FILE), { readonly: true });
    const snapshots = db.prepare('SELECT seq FROM doc_snapshots WHERE doc = ?').all(`invoice:${id}`);
    db.close();
    expect(snapshots.length).toBeGreaterThan(0);

    const restarted = await start(server.dataDir, { SNAPSHOT_EVERY: '7' });
    const reader = await connect(restarted.wsUrl, id, token);
    const fromLog = fullLogState(server.dataDir, `invoice:${id}`);
    expect(readInvoice(reader.doc)).toEqual(readInvoice(fromLog));
    expect(readInvoice(reader.doc).buyer.name).toBe('Buyer 29');
    expect(readInvoice(reader.doc).lines).toHaveLength(10);
    reader.destroy();
  });

  it('the log refuses UPDATE and DELETE', async () => {
    const server = await start();
    await server.stop();
    const db = new Database(join(server.dataDir, DB_FILE));
    const count = () => (db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get() as { n: number }).n;
    const before = count();
    expect(before).toBeGreaterThan(0);
    expect(() => db.prepare("UPDATE doc_updates SET user_id = 'mallory'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM doc_updates').run()).toThrow(/append-only/);
    expect(count()).toBe(before);
    db.close();
  });
});
