import {
  type InvoiceInit,
  invoiceMap,
  lineMaps,
  locksMap,
  readInvoice,
  setLineField,
  setPartyField,
} from '@cofacture/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { login } from './support/api.ts';
import { connect, type TestClient, waitFor } from './support/collabClient.ts';
import { addDemoUser, createInState, startTestApp, type TestApp } from './support/startTestApp.ts';

let app: TestApp;
const tokens: Record<string, string> = {};
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startTestApp();
  await addDemoUser(app, 'paul@demo.test', 'Paul Preparer', ['preparer']);
  for (const who of ['alice', 'paul', 'admin']) tokens[who] = await login(app.url, `${who}@demo.test`);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await app.close();
});

const BASE: InvoiceInit = {
  buyer: { name: 'ACME' },
  lines: [
    { id: 'l1', description: 'Design', quantity: '2', unitPrice: '100', vatRate: '20' },
    { id: 'l2', description: 'Print', quantity: '1', unitPrice: '50', vatRate: '20' },
  ],
};

async function open(id: string, who: string): Promise<TestClient> {
  const client = await connect(app.wsUrl, id, tokens[who] as string);
  clients.push(client);
  return client;
}

function rejected(client: TestClient): string[] {
  return client.messages.flatMap((m) => (m.type === 'edit.rejected' ? [...m.paths] : []));
}

async function settleAll(...all: TestClient[]): Promise<void> {
  await Promise.all(all.map((c) => c.settled()));
  // The compensation is a second, server-made update: let it reach everyone.
  await new Promise((r) => setTimeout(r, 150));
}

describe('guard: a malicious client bypassing the UI', () => {
  it('cannot change a field locked by someone else; the holder keeps typing', async () => {
    const id = await createInState(app, BASE);
    const alice = await open(id, 'alice');
    const mallory = await open(id, 'paul');
    alice.send({ type: 'lock.acquire', path: 'buyer.name' });
    await waitFor(() => locksMap(mallory.doc).has('buyer.name'), 'lock visible to others');
    expect(locksMap(mallory.doc).get('buyer.name')).toMatchObject({ name: 'Alice Martin' });

    // Concurrent: Mallory overwrites the field while Alice types into it.
    setPartyField(mallory.doc, 'buyer', 'name', 'MALLORY WAS HERE', 'raw');
    setPartyField(alice.doc, 'buyer', 'name', 'ACME SAS', 'alice');
    await settleAll(alice, mallory);
    await waitFor(() => readInvoice(mallory.doc).buyer.name === 'ACME SAS', 'mallory reverted');
    expect(readInvoice(alice.doc).buyer.name).toBe('ACME SAS');
    expect(rejected(mallory)).toContain('buyer.name');
    const mallorysReason = mallory.messages.find((m) => m.type === 'edit.rejected');
    expect(mallorysReason).toMatchObject({ reason: expect.stringContaining('locked by Alice Martin') });
    expect(rejected(alice)).toEqual([]);

    const late = await open(id, 'admin');
    expect(readInvoice(late.doc).buyer.name).toBe('ACME SAS');
  });

  it('cannot set server-owned keys or write into the locks map', async () => {
    const id = await createInState(app, BASE);
    const honest = await open(id, 'alice');
    const mallory = await open(id, 'paul');
    mallory.doc.transact(() => {
      invoiceMap(mallory.doc).set('status', 'issued');
      invoiceMap(mallory.doc).set('number', '2026-999999');
      locksMap(mallory.doc).set('buyer.name', { userId: 'x', name: 'Fake', since: '2026-01-01' });
    }, 'raw');
    setPartyField(honest.doc, 'buyer', 'email', 'ap@acme.test', 'alice');
    await settleAll(honest, mallory);
    for (const c of [honest, mallory, await open(id, 'admin')]) {
      await waitFor(() => invoiceMap(c.doc).get('status') === 'draft', 'status restored');
      expect(readInvoice(c.doc)).toMatchObject({
        status: 'draft',
        number: null,
        buyer: { email: 'ap@acme.test' },
      });
      expect(locksMap(c.doc).size).toBe(0);
    }
    expect(rejected(mallory)).toEqual(expect.arrayContaining(['status', 'number', 'locks.buyer.name']));
  });

  it("cannot touch another person's locked line, while the rest of the same transaction stands", async () => {
    const id = await createInState(app, BASE);
    const alice = await open(id, 'alice');
    const mallory = await open(id, 'paul');
    alice.send({ type: 'lock.acquire', path: 'lines.l1' });
    await waitFor(() => locksMap(mallory.doc).has('lines.l1'), 'line lock visible');

    mallory.doc.transact(() => {
      setLineField(mallory.doc, 'l1', 'quantity', '999', null);
      setLineField(mallory.doc, 'l2', 'quantity', '7', null);
    }, 'raw');
    await settleAll(alice, mallory);
    const fresh = await open(id, 'admin');
    for (const c of [alice, mallory, fresh]) {
      await waitFor(() => readInvoice(c.doc).lines[0]?.quantity === '2', 'locked line restored');
      expect(readInvoice(c.doc).lines.map((l) => l.quantity)).toEqual(['2', '7']);
    }

    // Deleting the locked line is reverted too, content and all.
    const lines = invoiceMap(mallory.doc).get('lines') as Y.Array<unknown>;
    mallory.doc.transact(() => lines.delete(0, 1), 'raw');
    await settleAll(alice, mallory);
    for (const c of [alice, mallory, fresh]) {
      await waitFor(() => readInvoice(c.doc).lines.length === 2, 'deleted line restored');
      expect(readInvoice(c.doc).lines.map((l) => [l.id, l.description])).toEqual([
        ['l1', 'Design'],
        ['l2', 'Print'],
      ]);
    }
    expect(rejected(mallory)).toEqual(expect.arrayContaining(['lines.l1.quantity', 'lines.l1']));
  });

  it('cannot edit an issued invoice at all', async () => {
    const id = await createInState(app, { ...BASE, status: 'issued', number: '2026-000042' });
    const admin = await open(id, 'admin');
    setPartyField(admin.doc, 'buyer', 'name', 'Changed after issue', 'raw');
    admin.doc.transact(() => lineMaps(admin.doc)[0]?.set('unitPrice', '1'), 'raw');
    await settleAll(admin);
    await waitFor(() => readInvoice(admin.doc).buyer.name === 'ACME', 'issued invoice restored');
    expect(readInvoice(admin.doc).lines[0]?.unitPrice).toBe('100');
    const reason = admin.messages.find((m) => m.type === 'edit.rejected');
    expect(reason).toMatchObject({ reason: expect.stringContaining('credit note') });
    const reader = await open(id, 'alice');
    expect(readInvoice(reader.doc)).toMatchObject({ buyer: { name: 'ACME' }, number: '2026-000042' });
  });

  it('refuses structural damage: a party block or the lines list replaced by junk', async () => {
    const id = await createInState(app, BASE);
    const mallory = await open(id, 'paul');
    mallory.doc.transact(() => {
      invoiceMap(mallory.doc).set('buyer', 'not a block');
      invoiceMap(mallory.doc).set('lines', 42);
      invoiceMap(mallory.doc).set('currency', 'euros');
    }, 'raw');
    await settleAll(mallory);
    await waitFor(() => readInvoice(mallory.doc).buyer.name === 'ACME', 'structure restored');
    const fresh = await open(id, 'admin');
    expect(readInvoice(fresh.doc)).toMatchObject({ currency: 'EUR', buyer: { name: 'ACME' } });
    expect(readInvoice(fresh.doc).lines).toHaveLength(2);
  });
});

describe('locks', () => {
  it('two clients racing for one lock: exactly one wins, the other is told who holds it', async () => {
    const id = await createInState(app, BASE);
    const a = await open(id, 'alice');
    const b = await open(id, 'paul');
    a.send({ type: 'lock.acquire', path: 'buyer' });
    b.send({ type: 'lock.acquire', path: 'buyer.name' });
    await waitFor(
      () => locksMap(a.doc).size > 0 && a.messages.length + b.messages.length > 0,
      'one grant, one denial',
    );
    const denied = [...a.messages, ...b.messages].filter((m) => m.type === 'lock.denied');
    expect(denied).toHaveLength(1);
    expect(locksMap(a.doc).size).toBe(1);
  });

  it('a lock ends on release and on the holder disconnecting', async () => {
    const id = await createInState(app, BASE);
    const holder = await open(id, 'alice');
    const other = await open(id, 'paul');
    holder.send({ type: 'lock.acquire', path: 'dueDate' });
    await waitFor(() => locksMap(other.doc).has('dueDate'), 'locked');
    holder.send({ type: 'lock.release', path: 'dueDate' });
    await waitFor(() => !locksMap(other.doc).has('dueDate'), 'released');
    holder.send({ type: 'lock.acquire', path: 'notes' });
    await waitFor(() => locksMap(other.doc).has('notes'), 'locked again');
    holder.destroy();
    await waitFor(() => !locksMap(other.doc).has('notes'), 'released on disconnect');
  });

  it('only the holder or an admin releases a lock; an admin can break it', async () => {
    const id = await createInState(app, BASE);
    const holder = await open(id, 'alice');
    const other = await open(id, 'paul');
    const admin = await open(id, 'admin');
    holder.send({ type: 'lock.acquire', path: 'buyer.vatId' });
    await waitFor(() => locksMap(admin.doc).has('buyer.vatId'), 'locked');
    other.send({ type: 'lock.release', path: 'buyer.vatId' });
    await waitFor(() => other.messages.some((m) => m.type === 'error'), 'refusal');
    expect(locksMap(admin.doc).has('buyer.vatId')).toBe(true);
    admin.send({ type: 'lock.release', path: 'buyer.vatId' });
    await waitFor(() => !locksMap(holder.doc).has('buyer.vatId'), 'broken by admin');
  });

  it('refuses a lock on what the user may not edit, and bad lock messages', async () => {
    const id = await createInState(app, { ...BASE, status: 'in_review' });
    const preparer = await open(id, 'alice');
    preparer.send({ type: 'lock.acquire', path: 'buyer.name' });
    preparer.provider.sendStateless('{"type":"lock.acquire"}');
    preparer.send({ type: 'lock.acquire', path: 'status' });
    await waitFor(() => preparer.messages.length >= 3, 'three answers');
    expect(preparer.messages.map((m) => (m.type === 'error' ? m.code : m.type))).toEqual([
      'lock_forbidden',
      'bad_message',
      'bad_path',
    ]);
    expect(locksMap(preparer.doc).size).toBe(0);
  });
});

describe('lock idle timeout', () => {
  it('releases a lock nobody used for the idle time', async () => {
    const quick = await startTestApp({ LOCK_IDLE_SECONDS: '0.4' });
    try {
      const token = await login(quick.url, 'alice@demo.test');
      const id = await createInState(quick, BASE);
      const holder = await connect(quick.wsUrl, id, token);
      holder.send({ type: 'lock.acquire', path: 'issueDate' });
      await waitFor(() => locksMap(holder.doc).has('issueDate'), 'locked');
      await waitFor(() => !locksMap(holder.doc).has('issueDate'), 'expired', 5000);
      holder.destroy();
    } finally {
      await quick.close();
    }
  });
});
