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

/** A moment as the person's clock shows it ("14:05"), or the text as is when it is not a date. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** "14:05" today, "3 Dec, 14:05" another day. */
export function formatMoment(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameDay = date.toDateString() === now.toDateString();
  return sameDay
    ? formatTime(iso)
    : date.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
