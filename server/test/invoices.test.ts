import type { CreateInvoiceResponse, InvoiceSummary } from '@cofacture/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, listInvoices, login } from './support/api.ts';
import { startTestApp, type TestApp } from './support/startTestApp.ts';

let app: TestApp;
let alice: string;
let erin: string;

beforeAll(async () => {
  app = await startTestApp();
  [alice, erin] = await Promise.all([login(app.url, 'alice@demo.test'), login(app.url, 'erin@demo.test')]);
});
afterAll(() => app.close());

describe('GET /api/invoices', () => {
  it('lists the seeded demo invoices in several states with totals', async () => {
    const invoices = await listInvoices(app.url, alice);
    expect(invoices.length).toBeGreaterThanOrEqual(5);
    expect(new Set(invoices.map((i) => i.status))).toEqual(
      new Set(['draft', 'in_review', 'verified', 'issued', 'paid']),
    );
    const studio = invoices.find((i) => i.buyerName === 'Studio Lumière SAS');
    // 3 × 410 + 14 × 55 − 120 = 1880.00 net; VAT 20 % = 376.00; total 2256.00.
    expect(studio).toMatchObject({
      status: 'issued',
      number: '2026-000001',
      netTotal: '1880.00',
      grossTotal: '2256.00',
    });
  });

  it('filters by status and by a search on buyer name or number', async () => {
    const drafts = await listInvoices(app.url, alice, '?status=draft');
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((i) => i.status === 'draft')).toBe(true);
    expect((await listInvoices(app.url, alice, '?q=nordwind')).map((i) => i.buyerName)).toEqual([
      'Nordwind GmbH',
    ]);
    expect((await listInvoices(app.url, alice, '?q=2026-000001')).map((i) => i.number)).toEqual([
      '2026-000001',
    ]);
    // LIKE wildcards in the search box are literal characters.
    expect(await listInvoices(app.url, alice, '?q=%25')).toEqual([]);
  });

  it('refuses an unknown status with 400', async () => {
    const res = await api(app.url, '/api/invoices?status=lost', { token: alice });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('answers 404 for an invoice of no organisation of the caller', async () => {
    const res = await api(app.url, '/api/invoices/doesnotexist', { token: alice });
    expect(res.status).toBe(404);
  });
});

describe('POST /api/invoices', () => {
  it('creates an empty invoice as a draft document', async () => {
    const res = await api<CreateInvoiceResponse>(app.url, '/api/invoices', {
      method: 'POST',
      token: alice,
      body: {},
    });
    expect(res.status).toBe(201);
    expect(res.body.document).toBe(`invoice:${res.body.id}`);
    expect(res.body.invoice).toMatchObject({ status: 'draft', kind: 'invoice', currency: 'EUR', lines: [] });
    const got = await api<{ invoice: InvoiceSummary }>(app.url, `/api/invoices/${res.body.id}`, {
      token: alice,
    });
    expect(got.body.invoice).toMatchObject({ id: res.body.id, status: 'draft', grossTotal: '0.00' });
  });

  it('creates a seeded invoice, ignoring nothing it was given', async () => {
    const res = await api<CreateInvoiceResponse>(app.url, '/api/invoices', {
      method: 'POST',
      token: alice,
      body: {
        invoice: {
          currency: 'CHF',
          issueDate: '2026-12-01',
          buyer: { name: 'Zürich AG' },
          lines: [{ description: 'Beratung', quantity: '2', unitPrice: '150', vatRate: '8.1' }],
          notes: 'Danke\nBis bald',
        },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.invoice).toMatchObject({
      currency: 'CHF',
      notes: 'Danke\nBis bald',
      buyer: { name: 'Zürich AG' },
    });
    expect(res.body.invoice.lines[0]).toMatchObject({ description: 'Beratung', vatRate: '8.1' });
  });

  it.each([
    [{ invoice: { currency: 'euro' } }, 'currency'],
    [{ invoice: { issueDate: '01/12/2026' } }, 'issueDate'],
    [{ invoice: { lines: 'many' } }, 'lines'],
    [{ invoice: { status: 'issued' } }, null],
  ])('validates the body %j', async (body, field) => {
    const res = await api<{ error: { message: string }; invoice?: { status: string } }>(
      app.url,
      '/api/invoices',
      {
        method: 'POST',
        token: alice,
        body,
      },
    );
    if (field === null) {
      // Unknown keys are dropped: a client cannot create an invoice in a later workflow state.
      expect(res.status).toBe(201);
      expect(res.body.invoice?.status).toBe('draft');
    } else {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
  });

  it('refuses a viewer with 403 and a reason', async () => {
    const res = await api<{ error: { code: string; message: string } }>(app.url, '/api/invoices', {
      method: 'POST',
      token: erin,
      body: {},
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/preparer or an admin/);
  });

  it('refuses a missing token with 401', async () => {
    expect((await api(app.url, '/api/invoices', { method: 'POST', body: {} })).status).toBe(401);
  });
});
