import {
  type InvoiceInit,
  type InvoiceSummary,
  type MeResponse,
  readInvoice,
  readThreads,
  setPartyField,
} from '@cofacture/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from './support/api.ts';
import { connect, waitFor } from './support/collabClient.ts';
import { addDemoUser, createInState, startTestApp, type TestApp } from './support/startTestApp.ts';

const TERMS =
  'Paiement à 30 jours. Pénalités de retard : 3 fois le taux légal. Indemnité forfaitaire de recouvrement : 40 €.';
const COMPLETE: InvoiceInit = {
  issueDate: '2026-12-01',
  dueDate: '2026-12-31',
  seller: {
    name: 'Atelier Lumen SAS',
    address: '12 rue des Arts, Lyon',
    vatId: 'FR32852146987',
    siren: '852146987',
  },
  buyer: { name: 'ACME SARL', address: '1 rue X, Paris', vatId: 'FR61512948730' },
  terms: TERMS,
  lines: [{ description: 'Design', quantity: '2', unitPrice: '100', vatRate: '20' }],
};
const BIG: InvoiceInit = {
  ...COMPLETE,
  lines: [{ description: 'Big job', quantity: '1', unitPrice: '20000', vatRate: '20' }],
};

let app: TestApp;
const t: Record<string, string> = {};
let orgId: string;

beforeAll(async () => {
  app = await startTestApp();
  await addDemoUser(app, 'paul@demo.test', 'Paul Preparer', ['preparer']);
  await addDemoUser(app, 'vera@demo.test', 'Vera Both', ['verifier', 'approver']);
  for (const who of ['alice', 'bob', 'carol', 'cathy', 'admin', 'erin', 'paul', 'vera', 'dave'])
    t[who] = await login(app.url, `${who}@demo.test`);
  orgId = (await api<MeResponse>(app.url, '/api/me', { token: t.admin })).body.orgs[0]?.orgId as string;
});
afterAll(() => app.close());

interface ActionBody {
  invoice: InvoiceSummary;
  approvalsNeeded?: number;
  creditNoteId?: string;
}
type ErrorBody = { error: { code: string; message: string } };

async function act(id: string, action: string, who: string, body: Record<string, string> = {}) {
  return api<ActionBody & ErrorBody>(app.url, `/api/invoices/${id}/actions/${action}`, {
    method: 'POST',
    token: t[who],
    body,
  });
}

async function expectState(
  id: string,
  action: string,
  who: string,
  status: string,
  body?: Record<string, string>,
) {
  const res = await act(id, action, who, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.invoice.status).toBe(status);
  return res.body;
}

async function expectRefused(
  id: string,
  action: string,
  who: string,
  status: number,
  message: RegExp,
  body?: Record<string, string>,
) {
  const res = await act(id, action, who, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.message).toMatch(message);
}

/** Alice prepares (last editor), Bob verifies. */
async function verified(init: InvoiceInit = COMPLETE): Promise<string> {
  const id = await createInState(app, init);
  await expectState(id, 'submit', 'alice', 'in_review');
  await expectState(id, 'verify', 'bob', 'verified');
  return id;
}

describe('transitions', () => {
  it('runs the whole path draft → in_review → verified → approved → issued → paid, numbered at issue', async () => {
    const id = await verified();
    await expectState(id, 'approve', 'carol', 'approved');
    const issued = await expectState(id, 'issue', 'carol', 'issued');
    expect(issued.invoice.number).toMatch(/^2026-\d{6}$/);
    await expectState(id, 'mark-paid', 'carol', 'paid', {
      paymentDate: '2026-12-20',
      paymentMethod: 'transfer',
    });
    // The document mirrors status and number, and is frozen.
    const client = await connect(app.wsUrl, id, t.admin as string);
    expect(readInvoice(client.doc)).toMatchObject({ status: 'paid', number: issued.invoice.number });
    client.destroy();
  });

  it('request-changes and reject need a reason, send the invoice back, and open a thread with it', async () => {
    const id = await createInState(app, COMPLETE);
    await expectState(id, 'submit', 'alice', 'in_review');
    await expectRefused(id, 'request-changes', 'bob', 422, /needs a reason/);
    await expectState(id, 'request-changes', 'bob', 'changes_requested', {
      reason: 'Buyer VAT number is wrong',
    });
    await expectState(id, 'submit', 'alice', 'in_review');
    await expectState(id, 'verify', 'bob', 'verified');
    await expectRefused(id, 'reject', 'carol', 422, /needs a reason/, { reason: '   ' });
    await expectState(id, 'reject', 'carol', 'changes_requested', { reason: 'Price too low' });
    const client = await connect(app.wsUrl, id, t.alice as string);
    const threads = readThreads(client.doc);
    expect(threads.map((th) => [th.origin, th.messages[0]?.text, th.authorName])).toEqual([
      ['request-changes', 'Buyer VAT number is wrong', 'Bob Durand'],
      ['reject', 'Price too low', 'Carol Petit'],
    ]);
    client.destroy();
  });

  it('refuses actions in the wrong state (409) and by the wrong role (403), naming the rule', async () => {
    const id = await createInState(app, COMPLETE);
    await expectRefused(id, 'verify', 'bob', 409, /not possible while the invoice is a draft/);
    await expectRefused(id, 'issue', 'carol', 409, /not possible/);
    await expectRefused(id, 'submit', 'bob', 403, /needs the role preparer or admin/);
    await expectRefused(id, 'submit', 'erin', 403, /needs the role/);
    await expectState(id, 'submit', 'alice', 'in_review');
    await expectRefused(id, 'approve', 'carol', 409, /not possible while the invoice is in review/);
    await expectRefused(id, 'verify', 'carol', 403, /verifier or admin/);
  });

  it('validates the action name and the body', async () => {
    const id = await createInState(app, COMPLETE);
    const bad = await act(id, 'teleport', 'alice');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/must be one of submit/);
    await expectState(id, 'submit', 'alice', 'in_review');
    await expectState(id, 'verify', 'bob', 'verified');
    await expectState(id, 'approve', 'carol', 'approved');
    await expectState(id, 'issue', 'carol', 'issued');
    await expectRefused(id, 'mark-paid', 'carol', 400, /paymentDate/, { paymentMethod: 'cash' });
    expect((await act('nope', 'submit', 'alice')).status).toBe(404);
  });
});

describe('available actions', () => {
  it('lists for this user what is possible now, and why the rest is not', async () => {
    const id = await createInState(app, COMPLETE);
    await expectState(id, 'submit', 'alice', 'in_review');
    type Listed = { actions: { action: string; allowed: boolean; reason?: string; needsReason: boolean }[] };
    const forBob = (await api<Listed>(app.url, `/api/invoices/${id}/actions`, { token: t.bob })).body.actions;
    const pick = (list: Listed['actions'], action: string) => list.find((a) => a.action === action);
    expect(pick(forBob, 'verify')).toMatchObject({ allowed: true });
    expect(pick(forBob, 'request-changes')).toMatchObject({ allowed: true, needsReason: true });
    expect(pick(forBob, 'approve')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/not possible while/),
    });
    const forErin = (await api<Listed>(app.url, `/api/invoices/${id}/actions`, { token: t.erin })).body
      .actions;
    expect(forErin.every((a) => !a.allowed)).toBe(true);
  });
});

describe('mandatory mentions', () => {
  it('refuses submit while mentions are missing, and says which', async () => {
    const id = await createInState(app, {
      ...COMPLETE,
      terms: 'Paiement à 30 jours.',
      seller: { ...COMPLETE.seller, siren: '' },
    });
    await expectRefused(id, 'submit', 'alice', 422, /Seller SIREN.*late-payment penalty.*recovery indemnity/);
  });

  it('requires the buyer VAT number above 150 € excl. VAT only', async () => {
    const small = await createInState(app, {
      ...COMPLETE,
      buyer: { ...COMPLETE.buyer, vatId: '' },
      lines: [{ description: 'x', quantity: '1', unitPrice: '150', vatRate: '20' }],
    });
    await expectState(small, 'submit', 'alice', 'in_review');
    const large = await createInState(app, {
      ...COMPLETE,
      buyer: { ...COMPLETE.buyer, vatId: '' },
      lines: [{ description: 'x', quantity: '1', unitPrice: '150.01', vatRate: '20' }],
    });
    await expectRefused(large, 'submit', 'alice', 422, /Buyer VAT number/);
  });
});

describe('four-eyes', () => {
  it('the last editor of content cannot verify', async () => {
    const id = await createInState(app, COMPLETE);
    await expectState(id, 'submit', 'alice', 'in_review');
    // Vera (verifier) corrects the content herself during review...
    const vera = await connect(app.wsUrl, id, t.vera as string);
    setPartyField(vera.doc, 'buyer', 'name', 'ACME SAS', 'vera');
    await vera.settled();
    vera.destroy();
    await expectRefused(id, 'verify', 'vera', 422, /Four-eyes rule: you made the last change/);
    // ...so someone else verifies.
    await expectState(id, 'verify', 'bob', 'verified');
  });

  it('an approver is neither the preparer nor the verifier', async () => {
    const id = await createInState(app, COMPLETE);
    await expectState(id, 'submit', 'alice', 'in_review');
    await expectState(id, 'verify', 'vera', 'verified');
    await expectRefused(id, 'approve', 'vera', 422, /you verified this invoice/);
    await expectState(id, 'approve', 'carol', 'approved');
  });

  it('the preparer cannot approve even when holding the approver role', async () => {
    await addDemoUser(app, 'pat@demo.test', 'Pat Both', ['preparer', 'approver']);
    const pat = await login(app.url, 'pat@demo.test');
    t.pat = pat;
    const id = await createInState(app, COMPLETE);
    await expectState(id, 'submit', 'pat', 'in_review');
    await expectState(id, 'verify', 'bob', 'verified');
    await expectRefused(id, 'approve', 'pat', 422, /you prepared this invoice/);
  });
});

describe('approval levels', () => {
  it('needs two distinct approvers above 10 000.00, and the same person never counts twice', async () => {
    const id = await verified(BIG);
    const first = await expectState(id, 'approve', 'carol', 'verified');
    expect(first.approvalsNeeded).toBe(1);
    await expectRefused(id, 'approve', 'carol', 409, /already approved/);
    await expectState(id, 'approve', 'cathy', 'approved');
  });

  it('one approval suffices at or below the threshold', async () => {
    const id = await verified();
    expect((await expectState(id, 'approve', 'cathy', 'approved')).approvalsNeeded).toBe(0);
  });

  it('admins edit the levels with validation; levels by kind apply', async () => {
    const url = `/api/orgs/${orgId}/settings`;
    const bad = await api<ErrorBody>(app.url, url, {
      method: 'PUT',
      token: t.admin,
      body: { approvalLevels: [{ above: 'lots', approvals: 0 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/decimal amount/);
    expect(
      (await api(app.url, url, { method: 'PUT', token: t.alice, body: { numberFormat: 'X{SEQ:3}' } })).status,
    ).toBe(403);
    const levels = [
      { above: '0', approvals: 1 },
      { above: '100.00', approvals: 2, kind: 'invoice' },
    ];
    const ok = await api<{ approvalLevels: unknown }>(app.url, url, {
      method: 'PUT',
      token: t.admin,
      body: { approvalLevels: levels },
    });
    expect(ok.status).toBe(200);
    const id = await verified();
    await expectState(id, 'approve', 'carol', 'verified');
    await expectState(id, 'approve', 'cathy', 'approved');
    await api(app.url, url, {
      method: 'PUT',
      token: t.admin,
      body: {
        approvalLevels: [
          { above: '0', approvals: 1 },
          { above: '10000.00', approvals: 2, roles: ['approver'] },
        ],
      },
    });
  });

  it('two approvers approving at the same moment count exactly once each', async () => {
    const id = await verified(BIG);
    const [a, b] = await Promise.all([act(id, 'approve', 'carol'), act(id, 'approve', 'cathy')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.invoice.status, b.body.invoice.status].sort()).toEqual(['approved', 'verified']);
    await expectRefused(id, 'approve', 'carol', 409, /not possible while the invoice is approved/);
  });
});

describe('numbering', () => {
  it('20 invoices issued by parallel requests get 20 distinct consecutive numbers, a failed issue consumes none', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const id = await verified();
      await expectState(id, 'approve', 'carol', 'approved');
      ids.push(id);
    }
    // A refused issue in the same burst (a viewer trying) must not take a number.
    const broken = await verified();
    await expectState(broken, 'approve', 'carol', 'approved');
    const results = await Promise.all([
      ...ids.map((id) => act(id, 'issue', 'carol')),
      act(broken, 'issue', 'erin'),
    ]);
    const numbers = results.slice(0, 20).map((r) => r.body.invoice.number as string);
    expect(results.slice(0, 20).every((r) => r.status === 200)).toBe(true);
    expect(results[20]?.status).toBe(403);
    const counters = numbers.map((n) => Number(n.split('-')[1])).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(20);
    expect(counters.at(-1)! - counters[0]!).toBe(19);
    // The next issue continues right after: nothing was skipped by the refused one.
    const next = await verified();
    await expectState(next, 'approve', 'carol', 'approved');
    const after = await expectState(next, 'issue', 'carol', 'issued');
    expect(Number(after.invoice.number?.split('-')[1])).toBe(counters.at(-1)! + 1);
  });

  it('an issue refused for missing mentions consumes no number', async () => {
    // Approved before a mention was required (created directly in that state).
    const id = await createInState(app, { ...COMPLETE, status: 'approved', terms: 'Net 30.' });
    const counter = () =>
      (app.services.db.prepare('SELECT MAX(last) AS n FROM number_series').get() as { n: number }).n;
    const before = counter();
    await expectRefused(id, 'issue', 'carol', 422, /late-payment penalty/);
    expect(counter()).toBe(before);
  });

  it('an issue refused (wrong role) consumes no number', async () => {
    const id = await verified();
    await expectState(id, 'approve', 'carol', 'approved');
    const before = app.services.db.prepare('SELECT MAX(last) AS n FROM number_series').get() as { n: number };
    await expectRefused(id, 'issue', 'alice', 403, /needs the role approver or admin/);
    const after = app.services.db.prepare('SELECT MAX(last) AS n FROM number_series').get() as { n: number };
    expect(after.n).toBe(before.n);
  });
});

describe('frozen after issue, credit notes', () => {
  it('an issued invoice reverts any edit, and credit creates a negated credit note referencing it', async () => {
    const id = await verified();
    await expectState(id, 'approve', 'carol', 'approved');
    const issued = await expectState(id, 'issue', 'carol', 'issued');
    const editor = await connect(app.wsUrl, id, t.admin as string);
    setPartyField(editor.doc, 'buyer', 'name', 'Changed after issue', 'raw');
    await editor.settled();
    await waitFor(() => readInvoice(editor.doc).buyer.name === 'ACME SARL', 'edit reverted');
    editor.destroy();

    const credited = await act(id, 'credit', 'alice');
    expect(credited.status).toBe(200);
    expect(credited.body.invoice.status).toBe('issued');
    const creditId = credited.body.creditNoteId as string;
    const note = await connect(app.wsUrl, creditId, t.alice as string);
    const value = readInvoice(note.doc);
    expect(value).toMatchObject({ kind: 'credit_note', status: 'draft', number: null });
    expect(value.lines.map((l) => l.quantity)).toEqual(['-2']);
    expect(value.notes).toContain(`${issued.invoice.number} du 2026-12-01`);
    note.destroy();
    // The credit note goes through the same workflow.
    await expectState(creditId, 'submit', 'alice', 'in_review');
  });
});
