import { computeTotals, type Invoice } from '@cofacture/shared';
import type { IndexedFields } from './InvoiceIndex.ts';

export function indexedFields(invoice: Invoice): IndexedFields {
  const totals = computeTotals(invoice.lines);
  return {
    status: invoice.status,
    kind: invoice.kind,
    number: invoice.number,
    buyerName: invoice.buyer.name,
    currency: invoice.currency,
    netTotal: totals.netTotal,
    grossTotal: totals.grossTotal,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
  };
}
