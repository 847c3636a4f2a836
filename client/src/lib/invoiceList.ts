import { compareDecimal, type InvoiceStatus, type InvoiceSummary, isDecimalString } from '@cofacture/shared';

export type SortKey = 'updatedAt' | 'issueDate' | 'dueDate' | 'buyerName' | 'grossTotal' | 'number';
export type SortDirection = 'asc' | 'desc';

export interface ListQuery {
  text: string;
  status: InvoiceStatus | 'all';
  sort: SortKey;
  direction: SortDirection;
}

export const DEFAULT_QUERY: ListQuery = { text: '', status: 'all', sort: 'updatedAt', direction: 'desc' };

export const SORT_LABELS: Record<SortKey, string> = {
  updatedAt: 'Last change',
  issueDate: 'Issue date',
  dueDate: 'Due date',
  buyerName: 'Buyer',
  grossTotal: 'Total',
  number: 'Number',
};

/** Inserts or replaces one invoice (by id): how a live event lands in the list. */
export function upsertInvoice(list: readonly InvoiceSummary[], invoice: InvoiceSummary): InvoiceSummary[] {
  const index = list.findIndex((item) => item.id === invoice.id);
  if (index === -1) return [invoice, ...list];
  const next = list.slice();
  next[index] = invoice;
  return next;
}

/**
 * Filtering and sorting happen here rather than on the server so that a live update can be
 * dropped into the full list and still land in the right place under the current view.
 */
export function queryInvoices(list: readonly InvoiceSummary[], query: ListQuery): InvoiceSummary[] {
  const needle = query.text.trim().toLocaleLowerCase();
  const matching = list.filter(
    (invoice) =>
      (query.status === 'all' || invoice.status === query.status) &&
      (needle === '' ||
        [invoice.buyerName, invoice.number ?? '', invoice.id, invoice.grossTotal].some((field) =>
          field.toLocaleLowerCase().includes(needle),
        )),
  );
  const sign = query.direction === 'asc' ? 1 : -1;
  return matching.sort((a, b) => sign * compareBy(query.sort, a, b) || a.id.localeCompare(b.id));
}

function compareBy(key: SortKey, a: InvoiceSummary, b: InvoiceSummary): number {
  if (key === 'grossTotal') {
    const x = isDecimalString(a.grossTotal) ? a.grossTotal : '0';
    const y = isDecimalString(b.grossTotal) ? b.grossTotal : '0';
    return compareDecimal(x, y);
  }
  return (a[key] ?? '').localeCompare(b[key] ?? '', 'fr');
}
