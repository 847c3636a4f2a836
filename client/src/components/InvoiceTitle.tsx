import type { Invoice } from '@cofacture/shared';

/** The invoice's number, large, once it is issued; until then, what it is and a short id. */
export function InvoiceTitle({ invoice, invoiceId }: { invoice: Invoice; invoiceId: string }) {
  const noun = invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice';
  if (invoice.number) {
    return (
      <h1 className="invoice-title">
        <span className="invoice-title-noun">{noun}</span>{' '}
        <span className="invoice-number" data-invoice-number>
          {invoice.number}
        </span>
      </h1>
    );
  }
  return (
    <h1 className="invoice-title">
      {invoice.kind === 'credit_note' ? 'Draft credit note' : 'Draft invoice'} {invoiceId.slice(0, 6)}
    </h1>
  );
}
