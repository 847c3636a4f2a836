/** Workflow state and invoice kind names are part of the contract (DESIGN §2). */
export const INVOICE_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'verified',
  'approved',
  'issued',
  'paid',
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export function isInvoiceStatus(value: unknown): value is InvoiceStatus {
  return typeof value === 'string' && (INVOICE_STATUSES as readonly string[]).includes(value);
}

export function isInvoiceKind(value: unknown): value is InvoiceKind {
  return typeof value === 'string' && (INVOICE_KINDS as readonly string[]).includes(value);
}

/** Issued and paid invoices are frozen for good: corrections go through a credit note. */
export function isFrozen(status: InvoiceStatus): boolean {
  return status === 'issued' || status === 'paid';
}
