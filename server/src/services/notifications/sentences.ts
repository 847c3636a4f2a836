import type { InvoiceSummary, NotificationKind } from '@cofacture/shared';

/** The invoice as the notification centre names it: its number once issued, else its buyer. */
export function invoiceLabel(invoice: Pick<InvoiceSummary, 'number' | 'buyerName'>): string {
  return invoice.number ?? (invoice.buyerName.trim() || 'untitled invoice');
}

/** "invoice 2026-000042 (ACME SARL)", "the credit note for ACME SARL", … */
function phrase(invoice: Pick<InvoiceSummary, 'number' | 'buyerName' | 'kind'>): string {
  const noun = invoice.kind === 'credit_note' ? 'credit note' : 'invoice';
  const buyer = invoice.buyerName.trim();
  if (invoice.number) return buyer ? `${noun} ${invoice.number} (${buyer})` : `${noun} ${invoice.number}`;
  return buyer ? `the ${noun} for ${buyer}` : `an ${noun} without a buyer yet`;
}

/** Quoted free text (a reason, a comment), on one line and not too long. */
function quote(text: string, max = 280): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `“${line.length > max ? `${line.slice(0, max - 1)}…` : line}”`;
}

export function sentence(
  kind: NotificationKind,
  actorName: string,
  invoice: Pick<InvoiceSummary, 'number' | 'buyerName' | 'kind'>,
  text?: string,
): string {
  const what = phrase(invoice);
  switch (kind) {
    case 'submitted':
      return `${actorName} submitted ${what} for your review.`;
    case 'verified':
      return `${actorName} verified ${what}; it awaits your approval.`;
    case 'approved':
      return `${actorName} gave the final approval to ${what}; it can now be issued.`;
    case 'changes_requested':
      return `${actorName} requested changes on ${what}: ${quote(text ?? '')}.`;
    case 'rejected':
      return `${actorName} rejected ${what}: ${quote(text ?? '')}.`;
    case 'issued':
      return `${actorName} issued ${what}.`;
    case 'paid':
      return `${actorName} marked ${what} as paid.`;
    case 'mentioned':
      return `${actorName} mentioned you on ${what}: ${quote(text ?? '', 200)}.`;
    default: {
      const exhaustive: never = kind;
      return exhaustive;
    }
  }
}
