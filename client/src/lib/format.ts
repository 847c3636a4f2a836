import { formatMoney, type InvoiceStatus, isDecimalString } from '@cofacture/shared';

export const STATUS_LABELS: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  verified: 'Verified',
  approved: 'Approved',
  issued: 'Issued',
  paid: 'Paid',
};

/** An amount for display; never throws on an unknown currency or a malformed amount. */
export function formatAmount(amount: string, currency: string): string {
  if (!isDecimalString(amount)) return '—';
  try {
    return formatMoney(amount, currency);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function formatDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return '—';
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
