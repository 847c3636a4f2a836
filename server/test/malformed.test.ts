import { join } from 'node:path';
import { docName, readInvoice, setPartyField } from '@cofacture/shared';
import { MessageType } from '@hocuspocus/server';
import Database from 'better-sqlite3';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DB_FILE } from '../src/services/Services.ts';
import { api, createInvoice, login } from './support/api.ts';
import { connect } from './support/collabClient.ts';
import { startTestApp, type TestApp } from './support/startTestApp.ts';

const MAX_MESSAGE = 64 * 1024;
let app: TestApp;
let token: string;
let invoiceId: string;

beforeAll(async () => {
  app = await startTestApp({ MAX_WS_MESSAGE_BYTES: String(MAX_MESSAGE) });
  token = await login(app.url, 'alice@demo.test');
  invoiceId = await createInvoice(app.url, token, { invoice: { buyer: { name: 'Intact SARL' } } });
});
afterAll(() => app.close());

function logCount(): number {
  const db = new Database(join(app.dataDir, DB_FILE), { readonly: true });
  const row = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?').get(docName(invoiceId)) as {
    n: number;
  };
  db.close();
  return row.n;
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, docName(invoiceId));
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const authMessage = () =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.Auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });

/** Opens a raw socket, optionally authenticates, sends the payloads and waits for the close. */
async function sendRaw(payloads: Uint8Array[], authenticate: boolean): Promise<{ code: number }> {
  const ws = new WebSocket(app.wsUrl);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const closed = new Promise<{ code: number }>((resolve) => ws.once('close', (code) => resolve({ code })));
  ws.on('error', () => {});
  if (authenticate) {
    ws.send(authMessage());
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const payload of payloads) ws.send(payload);
  const timeout = new Promise<{ code: number }>((resolve) => setTimeout(() => resolve({ code: -1 }), 3000));
  const result = await Promise.race([closed, timeout]);
  ws.terminate();
  return result;
}

async function expectServerUnharmed(before: number): Promise<void> {
  expect((await api(app.url, '/api/health')).status).toBe(200);
  const honest = await connect(app.wsUrl, invoiceId, token);
  expect(readInvoice(honest.doc).buyer.name).toBe('Intact SARL');
  expect(logCount()).toBe(before);
  honest.destroy();
}

describe('malformed input on the socket', () => {
  it('random bytes close that connection only', async () => {
    const before = logCount();
    const bystander = await connect(app.wsUrl, invoiceId, token);
    const random = new Uint8Array(512).map(() => Math.floor(Math.random() * 256));
    const result = await sendRaw([random, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff])], false);
    expect(result.code).not.toBe(-1);
    await expectServerUnharmed(before);
    // The bystander's connection survived and still syncs.
    setPartyField(bystander.doc, 'buyer', 'email', 'still@here.test', 'test');
    await bystander.settled();
    expect(logCount()).toBe(before + 1);
    setPartyField(bystander.doc, 'buyer', 'email', '', 'test');
    await bystander.settled();
    bystander.destroy();
  });

  it('a truncated sync update is refused and alters nothing', async () => {
    const before = logCount();
    const source = new Y.Doc();
    source.getMap('invoice').set('status', 'issued');
    source.getText('junk').insert(0, 'x'.repeat(100));
    const update = Y.encodeStateAsUpdate(source);
    const truncatedPayload = message((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, update.slice(0, update.length - 40));
    });
    const truncatedFrame = message((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, 5000); // claims 5000 bytes, carries a few
      encoding.writeUint8Array(e, update.slice(0, 10));
    });
    expect((await sendRaw([truncatedPayload], true)).code).toBe(4400);
    expect((await sendRaw([truncatedFrame], true)).code).toBe(4400);
    await expectServerUnharmed(before);
  });

  it('an update over the size limit closes the connection with 1009', async () => {
    const before = logCount();
    const source = new Y.Doc();
    source.getText('big').insert(0, 'y'.repeat(MAX_MESSAGE * 2));
    const big = message((e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(source));
    });
    const result = await sendRaw([big], true);
    expect(result.code).toBe(1009);
    await expectServerUnharmed(before);
  });

  it('an unknown message type closes only that connection', async () => {
    const before = logCount();
    const result = await sendRaw([message((e) => encoding.writeVarUint(e, 99))], true);
    expect(result.code).toBe(4400);
    await expectServerUnharmed(before);
  });
});
