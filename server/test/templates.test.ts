import { type Invoice, type MeResponse, readInvoice } from '@cofacture/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceTemplate } from '../src/services/templates/TemplateService.ts';
import { api, login } from './support/api.ts';
import { connect } from './support/collabClient.ts';
import { createInState, startTestApp, type TestApp } from './support/startTestApp.ts';

let app: TestApp;
const t: Record<string, string> = {};
let orgId: string;

const SELLER = {
  name: 'Atelier Lumen SAS',
  address: '12 rue des Arts, Lyon',
  vatId: 'FR32852146987',
  siren: '852146987',
};
const TEMPLATE = {
  name: 'Monthly retainer',
  seller: SELLER,
  terms: 'Paiement à 45 jours.\nPénalités de retard : 3 fois le taux légal.',
  lines: [
    { description: 'Retainer', quantity: '1', unitPrice: '1500.00' },
    { description: 'Books', quantity: '2', unitPrice: '18.90', vatRate: '5.5' },
  ],
  vatRate: '20',
  dueDays: 45,
};

type Body = {
  template: InvoiceTemplate;
  templates: InvoiceTemplate[];
  error: { code: string; message: string };
};

beforeAll(async () => {
  app = await startTestApp();
  for (const who of ['admin', 'alice', 'bob', 'erin']) t[who] = await login(app.url, `${who}@demo.test`);
  orgId = (await api<MeResponse>(app.url, '/api/me', { token: t.admin })).body.orgs[0]?.orgId as string;
});
afterAll(() => app.close());

const base = () => `/api/orgs/${orgId}/templates`;

async function send(method: string, path: string, who: string, body?: unknown) {
  return api<Body>(app.url, path, { method, token: t[who], body });
}

async function readDoc(invoiceId: string): Promise<Invoice> {
  const client = await connect(app.wsUrl, invoiceId, t.alice as string);
  const value = readInvoice(client.doc);
  client.destroy();
  return value;
}

function addDays(days: number): string {
  const today = new Date().toISOString().slice(0, 10);
  return new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('templates CRUD', () => {
  it('admins create, replace and delete; members list; validation names each bad field', async () => {
    const created = await send('POST', base(), 'admin', TEMPLATE);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const template = created.body.template;
    expect(template).toMatchObject({
      name: 'Monthly retainer',
      currency: 'EUR',
      vatRate: '20',
      dueDays: 45,
      orgId,
    });
    expect(template.lines[0]).toEqual({
      description: 'Retainer',
      quantity: '1',
      unitPrice: '1500.00',
      vatRate: '',
    });

    for (const who of ['alice', 'bob', 'erin']) {
      const listed = await send('GET', base(), who);
      expect(listed.status).toBe(200);
      expect(listed.body.templates.map((x) => x.id)).toContain(template.id);
      expect((await send('POST', base(), who, { ...TEMPLATE, name: 'Mine' })).status).toBe(403);
    }
    expect((await send('GET', `${base()}/${template.id}`, 'erin')).body.template).toEqual(template);

    const duplicate = await send('POST', base(), 'admin', { ...TEMPLATE, name: 'monthly RETAINER' });
    expect(duplicate.status).toBe(409);

    const cases: [unknown, RegExp][] = [
      [{ ...TEMPLATE, name: '  ' }, /name: is required/],
      [{ ...TEMPLATE, vatRate: '120' }, /vatRate: must be a VAT rate from 0 to 100/],
      [{ ...TEMPLATE, dueDays: -1 }, /dueDays: cannot be negative/],
      [{ ...TEMPLATE, dueDays: 1.5 }, /dueDays: must be a whole number/],
      [
        { ...TEMPLATE, lines: [{ description: 'x', unitPrice: 'lots' }] },
        /lines\.0\.unitPrice: must be a decimal/,
      ],
      [{ ...TEMPLATE, currency: 'euro' }, /currency: must be an ISO 4217 code/],
      [{ name: 'Only a name' }, /vatRate: .*dueDays: is required/],
    ];
    for (const [body, message] of cases) {
      const bad = await send('POST', base(), 'admin', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.message).toMatch(message);
    }

    const replaced = await send('PUT', `${base()}/${template.id}`, 'admin', {
      ...TEMPLATE,
      name: 'Retainer (2027)',
      dueDays: 30,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.template).toMatchObject({ id: template.id, name: 'Retainer (2027)', dueDays: 30 });
    expect((await send('PUT', `${base()}/${template.id}`, 'alice', TEMPLATE)).status).toBe(403);
    expect((await send('PUT', `${base()}/nope`, 'admin', TEMPLATE)).status).toBe(404);
    expect(
      (await send('PUT', `${base()}/${template.id}`, 'admin', { ...TEMPLATE, vatRate: 'x' })).status,
    ).toBe(400);

    expect((await send('DELETE', `${base()}/${template.id}`, 'alice')).status).toBe(403);
    expect((await send('DELETE', `${base()}/${template.id}`, 'admin')).status).toBe(204);
    expect((await send('DELETE', `${base()}/${template.id}`, 'admin')).status).toBe(404);
    expect((await send('GET', base(), 'admin')).body.templates.map((x) => x.id)).not.toContain(template.id);
  });
});

describe('invoices from templates', () => {
  it('creates an invoice dated today, due after dueDays, with the default VAT rate on lines without one', async () => {
    const { template } = (await send('POST', base(), 'admin', { ...TEMPLATE, name: 'For create' })).body;
    const created = await api<{ id: string; invoice: Invoice }>(app.url, '/api/invoices', {
      method: 'POST',
      token: t.alice,
      body: { templateId: template.id, invoice: { buyer: { name: 'ACME SARL' } } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const doc = await readDoc(created.body.id);
    expect(doc).toMatchObject({
      issueDate: addDays(0),
      dueDate: addDays(45),
      currency: 'EUR',
      seller: { ...SELLER, email: '' },
      buyer: { name: 'ACME SARL' },
      terms: TEMPLATE.terms,
      status: 'draft',
    });
    expect(doc.lines.map((l) => [l.description, l.quantity, l.unitPrice, l.vatRate])).toEqual([
      ['Retainer', '1', '1500.00', '20'],
      ['Books', '2', '18.90', '5.5'],
    ]);

    const refuse = async (who: string, body: unknown, status: number, message?: RegExp) => {
      const res = await api<Body>(app.url, '/api/invoices', { method: 'POST', token: t[who], body });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      if (message) expect(res.body.error.message).toMatch(message);
    };
    await refuse('bob', { templateId: template.id }, 403, /preparer or an admin/);
    await refuse('alice', { templateId: 'no-such-template' }, 404, /No template/);
    await refuse(
      'alice',
      { templateId: template.id, orgId: 'elsewhere' },
      400,
      /another of your organisations/,
    );
  });

  it('saves an invoice as a template: seller, terms, lines, the most common VAT rate, due-days', async () => {
    const id = await createInState(app, {
      issueDate: '2026-12-01',
      dueDate: '2026-12-15',
      currency: 'CHF',
      seller: SELLER,
      buyer: { name: 'Someone Else' },
      terms: 'Net 14.',
      lines: [
        { description: 'A', quantity: '1', unitPrice: '10', vatRate: '5.5' },
        { description: 'B', quantity: 'two', unitPrice: '20', vatRate: '20' },
        { description: 'C', quantity: '3', unitPrice: '30', vatRate: '20' },
      ],
    });
    const url = `/api/invoices/${id}/save-as-template`;
    const saved = await send('POST', url, 'alice', { name: 'From an invoice' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.template).toMatchObject({
      name: 'From an invoice',
      currency: 'CHF',
      seller: { ...SELLER, email: '' },
      terms: 'Net 14.',
      vatRate: '20',
      dueDays: 14,
    });
    // A value that is not a number is not carried into the template.
    expect(saved.body.template.lines.map((l) => [l.description, l.quantity, l.vatRate])).toEqual([
      ['A', '1', '5.5'],
      ['B', '', '20'],
      ['C', '3', '20'],
    ]);
    expect(JSON.stringify(saved.body.template)).not.toContain('Someone Else');
    expect((await send('POST', url, 'admin', { name: 'By the admin' })).status).toBe(201);

    expect((await send('POST', url, 'bob', { name: 'Verifier' })).status).toBe(403);
    expect((await send('POST', url, 'erin', { name: 'Viewer' })).status).toBe(403);
    const noName = await send('POST', url, 'alice', {});
    expect(noName.status).toBe(400);
    expect(noName.body.error.message).toMatch(/name: is required/);
    expect((await send('POST', url, 'alice', { name: 'from an INVOICE' })).status).toBe(409);
    expect((await send('POST', '/api/invoices/nope/save-as-template', 'alice', { name: 'X' })).status).toBe(
      404,
    );
  });
});
