import type { InvoiceSummary } from '@cofacture/shared';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, queryInvoices, upsertInvoice } from './invoiceList.ts';

function summary(id: string, over: Partial<InvoiceSummary> = {}): InvoiceSummary {
  return {
    id,
    orgId: 'org',
    status: 'draft',
    kind: 'invoice',
    number: null,
    buyerName: `Buyer ${id}`,
    currency: 'EUR',
    netTotal: '0.00',
    grossTotal: '0.00',
    issueDate: '',
    dueDate: '',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: `2026-01-0${id.length}T00:00:00Z`,
    ...over,
  };
}

describe('invoice list', () => {
  const list = [
    summary('a', { buyerName: 'Nordwind GmbH', grossTotal: '900.00', status: 'in_review' }),
    summary('bb', {
      buyerName: 'Café des Arts',
      grossTotal: '10000.00',
      number: '2025-000118',
      status: 'paid',
    }),
    summary('ccc', { buyerName: 'Boulangerie Martin', grossTotal: '80.50' }),
  ];

  it('searches buyer, number and amount, case-insensitively', () => {
    expect(queryInvoices(list, { ...DEFAULT_QUERY, text: 'NORD' }).map((i) => i.id)).toEqual(['a']);
    expect(queryInvoices(list, { ...DEFAULT_QUERY, text: '000118' }).map((i) => i.id)).toEqual(['bb']);
  });

  it('filters by status', () => {
    expect(queryInvoices(list, { ...DEFAULT_QUERY, status: 'paid' }).map((i) => i.id)).toEqual(['bb']);
  });

  it('sorts amounts as decimals, not as strings', () => {
    const sorted = queryInvoices(list, { ...DEFAULT_QUERY, sort: 'grossTotal', direction: 'asc' });
    expect(sorted.map((i) => i.grossTotal)).toEqual(['80.50', '900.00', '10000.00']);
  });

  it('sorts by last change, newest first, by default', () => {
    expect(queryInvoices(list, DEFAULT_QUERY).map((i) => i.id)).toEqual(['ccc', 'bb', 'a']);
  });

  it('replaces a changed invoice in place and puts a new one first', () => {
    const changed = upsertInvoice(list, { ...list[1]!, buyerName: 'Renamed' });
    expect(changed.map((i) => i.buyerName)).toEqual(['Nordwind GmbH', 'Renamed', 'Boulangerie Martin']);
    expect(upsertInvoice(list, summary('new')).map((i) => i.id)).toEqual(['new', 'a', 'bb', 'ccc']);
  });
});
