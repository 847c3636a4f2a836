import { type InvoiceInit, type QueueItem, setPartyField } from '@cofacture/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from './support/api.ts';
import { connect } from './support/collabClient.ts';
import { COMPLETE } from './support/fixtures.ts';
import { addDemoUser, createInState, startTestApp, type TestApp } from './support/startTestApp.ts';

const BIG: InvoiceInit = {
  ...COMPLETE,
  lines: [{ description: 'Big job', quantity: '1', unitPrice: '20000', vatRate: '20' }],
};

const PEOPLE = ['admin', 'alice', 'bob', 'carol', 'cathy', 'dave', 'erin', 'pat', 'vera'] as const;
type Who = (typeof PEOPLE)[number];

let app: TestApp;
const t = {} as Record<Who, string>;
const inv: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  await addDemoUser(app, 'pat@demo.test', 'Pat Preparer', ['preparer']);
  await addDemoUser(app, 'vera@demo.test', 'Vera Both', ['verifier', 'approver']);
  for (const who of PEOPLE) t[who] = await login(app.url, `${who}@demo.test`);

  inv.draft = await createInState(app, COMPLETE);
  inv.changes = await createInState(app, COMPLETE);
  await act(inv.changes, 'submit', 'pat');
  await act(inv.changes, 'request-changes', 'bob', { reason: 'Fix the VAT number' });
  inv.review = await createInState(app, COMPLETE);
  await act(inv.review, 'submit', 'alice');
  // Vera corrects the content during review, so four-eyes keeps her from verifying it.
  const vera = await connect(app.wsUrl, inv.review, t.vera);
  setPartyField(vera.doc, 'buyer', 'name', 'ACME SAS', 'vera');
  await vera.settled();
  vera.destroy();
  inv.verifiedByBob = await verified(COMPLETE, 'bob');
  inv.verifiedByVera = await verified(COMPLETE, 'vera');
  inv.big = await verified(BIG, 'bob');
  await act(inv.big, 'approve', 'carol');
  inv.approved = await verified(COMPLETE, 'bob');
  await act(inv.approved, 'approve', 'cathy');
  inv.issued = await verified(COMPLETE, 'bob');
  await act(inv.issued, 'approve', 'cathy');
  await act(inv.issued, 'issue', 'cathy');
});
afterAll(() => app.close());

async function act(id: string, action: string, who: Who, body: Record<string, string> = {}) {
  const res = await api(app.url, `/api/invoices/${id}/actions/${action}`, {
    method: 'POST',
    token: t[who],
    body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function verified(init: InvoiceInit, verifier: Who): Promise<string> {
  const id = await createInState(app, init);
  await act(id, 'submit', 'alice');
  await act(id, 'verify', verifier);
  return id;
}

/** The caller's queue, as `name:action` for the invoices this test made. */
async function queueOf(who: Who): Promise<string[]> {
  const res = await api<{ items: QueueItem[] }>(app.url, '/api/queue', { token: t[who] });
  expect(res.status).toBe(200);
  const names = new Map(Object.entries(inv).map(([name, id]) => [id, name]));
  return res.body.items
    .filter((item) => names.has(item.invoice.id))
    .map((item) => `${names.get(item.invoice.id)}:${item.action}`)
    .sort();
}

describe('my queue', () => {
  it('holds, per person, the invoices whose next step they may take now', async () => {
    expect(await queueOf('alice')).toEqual(['draft:submit']);
    expect(await queueOf('pat')).toEqual(['changes:submit']);
    expect(await queueOf('bob')).toEqual(['review:verify']);
    expect(await queueOf('vera')).toEqual(['approved:issue', 'big:approve', 'verifiedByBob:approve']);
    expect(await queueOf('carol')).toEqual([
      'approved:issue',
      'verifiedByBob:approve',
      'verifiedByVera:approve',
    ]);
    expect(await queueOf('cathy')).toEqual([
      'approved:issue',
      'big:approve',
      'verifiedByBob:approve',
      'verifiedByVera:approve',
    ]);
    expect(await queueOf('admin')).toEqual(['approved:issue', 'review:verify']);
    expect(await queueOf('dave')).toEqual([]);
    expect(await queueOf('erin')).toEqual([]);
  });

  it('gives each item the invoice summary and the action label; the seeded invoices wait too', async () => {
    const res = await api<{ items: QueueItem[] }>(app.url, '/api/queue', { token: t.bob });
    const item = res.body.items.find((i) => i.invoice.id === inv.review);
    expect(item).toMatchObject({ action: 'verify', label: 'Verify', invoice: { status: 'in_review' } });
    expect(Object.keys(item?.invoice ?? {})).not.toContain('createdBy');
    // The demo seed's in-review invoice was never edited by Bob.
    expect(res.body.items.some((i) => i.invoice.buyerName === 'Nordwind GmbH')).toBe(true);
    const alice = await api<{ items: QueueItem[] }>(app.url, '/api/queue', { token: t.alice });
    expect(alice.body.items.find((i) => i.invoice.id === inv.draft)?.label).toBe('Submit for review');
    expect((await api(app.url, '/api/queue')).status).toBe(401);
  });

  it('moves as the workflow moves, and answers for hundreds of invoices without loading any document', async () => {
    await act(inv.draft as string, 'submit', 'alice');
    expect(await queueOf('alice')).toEqual([]);
    expect(await queueOf('bob')).toEqual(['draft:verify', 'review:verify']);

    // Straight through the service: createInState signs Alice in (scrypt) for every invoice.
    const { orgId } = app.services.index.get(inv.draft as string) as { orgId: string };
    const aliceId = app.services.directory.userIdByEmail('alice@demo.test') as string;
    for (let i = 0; i < 300; i++)
      app.services.invoices.create(orgId, aliceId, { ...COMPLETE, status: 'in_review' });
    const loaded = app.hocuspocus.getDocumentsCount();
    const res = await api<{ items: QueueItem[] }>(app.url, '/api/queue', { token: t.bob });
    expect(res.body.items.length).toBeGreaterThanOrEqual(302);
    expect(app.hocuspocus.getDocumentsCount()).toBe(loaded);
  });
});
