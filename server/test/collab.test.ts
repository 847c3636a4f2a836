import { insertLine, readInvoice, setPartyField } from '@cofacture/shared';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createInvoice, listInvoices, login } from './support/api.ts';
import { connect, eventually, type TestClient, waitFor } from './support/collabClient.ts';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/startTestApp.ts';

let app: TestApp;
let alice: string;
let bob: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startTestApp();
  alice = await login(app.url, 'alice@demo.test');
  bob = await login(app.url, 'bob@demo.test');
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await app.close();
});

async function open(invoiceId: string, token: string) {
  const client = await connect(app.wsUrl, invoiceId, token);
  clients.push(client);
  return client;
}

describe('co-editing through the real server', () => {
  it('two users typing into buyer.name and adding lines concurrently converge', async () => {
    const id = await createInvoice(app.url, alice, { invoice: { buyer: { name: 'ACME' } } });
    const a = await open(id, alice);
    const admin = await login(app.url, 'admin@demo.test');
    const b = await open(id, admin);
    expect(readInvoice(b.doc).buyer.name).toBe('ACME');

    // Concurrent: both edit before seeing the other's change.
    a.doc.transact(() => {
      const text = a.doc.getMap('invoice').get('buyer') as Y.Map<Y.Text>;
      text.get('name')?.insert(4, ' SAS');
    }, 'alice');
    b.doc.transact(() => {
      const text = b.doc.getMap('invoice').get('buyer') as Y.Map<Y.Text>;
      text.get('name')?.insert(0, 'The ');
    }, 'admin');
    insertLine(a.doc, 0, { description: 'Design', quantity: '2', unitPrice: '100', vatRate: '20' }, 'alice');
    insertLine(b.doc, 0, { description: 'Print', quantity: '1', unitPrice: '50', vatRate: '10' }, 'admin');
    await Promise.all([a.settled(), b.settled()]);
    await waitFor(
      () => readInvoice(a.doc).lines.length === 2 && readInvoice(b.doc).lines.length === 2,
      'lines',
    );
    await waitFor(() => readInvoice(a.doc).buyer.name === readInvoice(b.doc).buyer.name, 'names converge');

    const fromA = readInvoice(a.doc);
    expect(fromA).toEqual(readInvoice(b.doc));
    expect(fromA.buyer.name).toBe('The ACME SAS');
    expect(fromA.lines.map((l) => l.description).sort()).toEqual(['Design', 'Print']);

    // A third client joining later sees the same state, loaded from the server.
    const c = await open(id, alice);
    expect(readInvoice(c.doc)).toEqual(fromA);
  });

  it('updates the invoices index from document edits', async () => {
    const id = await createInvoice(app.url, alice);
    const a = await open(id, alice);
    setPartyField(a.doc, 'buyer', 'name', 'Index Check SARL', 'alice');
    insertLine(a.doc, 0, { description: 'x', quantity: '3', unitPrice: '10.005', vatRate: '20' }, 'alice');
    await a.settled();
    const row = await eventually(async () => {
      const [found] = await listInvoices(app.url, alice, '?q=Index%20Check');
      return found?.grossTotal === '36.02' ? found : null;
    }, 'index row with the new total');
    // 3 × 10.005 = 30.015 → 30.02 net; VAT 20 % of 30.02 = 6.004 → 6.00; total 36.02.
    expect(row).toMatchObject({ id, buyerName: 'Index Check SARL', netTotal: '30.02', grossTotal: '36.02' });
  });
});

describe('refused connections', () => {
  let invoiceId: string;
  beforeAll(async () => {
    invoiceId = await createInvoice(app.url, alice, { invoice: { buyer: { name: 'Guarded' } } });
  });

  async function refusal(token: string): Promise<string> {
    const client = await connect(app.wsUrl, invoiceId, token, { waitForSync: false });
    clients.push(client);
    const reason = await Promise.race([
      client.authFailure,
      new Promise<string>((_, reject) => setTimeout(() => reject(new Error('was not refused')), 5000)),
    ]);
    expect(client.provider.isSynced).toBe(false);
    return reason;
  }

  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['an empty token', () => '', /invalid/],
    ['a garbage token', () => 'not-a-jwt', /invalid/],
    [
      'a token signed with another secret',
      () => jwt.sign({}, 'x'.repeat(40), { subject: 'u', expiresIn: 60 }),
      /invalid/,
    ],
    [
      'an expired token',
      () => jwt.sign({ exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET, { subject: 'u' }),
      /expired/,
    ],
    ['an alg:none token', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'u' })}.`, /invalid/],
  ])('refuses %s', async (_name, makeToken, reason) => {
    expect(await refusal(makeToken())).toMatch(reason);
  });

  it("refuses another organisation's user opening this org's invoice", async () => {
    const { directory } = app.services;
    const org = directory.createOrg('Other Org');
    const mallory = await directory.createUser({
      email: 'mallory@other.test',
      name: 'Mallory',
      password: 'other-pass',
    });
    directory.setRoles(org.id, mallory.id, ['admin']);
    const token = await login(app.url, 'mallory@other.test', 'other-pass');
    expect(await refusal(token)).toMatch(/No such invoice/);
    // Not visible over HTTP either.
    expect(await listInvoices(app.url, token)).toEqual([]);
  });

  it("does not apply a viewer's edit (read-only connection) and keeps serving others", async () => {
    const viewer = await open(invoiceId, await login(app.url, 'erin@demo.test'));
    const writer = await open(invoiceId, alice);
    setPartyField(viewer.doc, 'buyer', 'name', 'Hacked by viewer', 'erin');
    // The server answers the viewer's update with "not synced"; give it time to (not) spread.
    await new Promise((r) => setTimeout(r, 300));
    expect(viewer.provider.hasUnsyncedChanges).toBe(true);
    expect(readInvoice(writer.doc).buyer.name).toBe('Guarded');
    const fresh = await open(invoiceId, bob);
    expect(readInvoice(fresh.doc).buyer.name).toBe('Guarded');
    // The writer still edits normally.
    setPartyField(writer.doc, 'buyer', 'name', 'Guarded SA', 'alice');
    await writer.settled();
    await waitFor(() => readInvoice(fresh.doc).buyer.name === 'Guarded SA', 'honest edit arrives');
  });
});
