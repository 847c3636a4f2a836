import type { Invoice } from './invoice/types.ts';
import { compareDecimal, computeTotals, isDecimalString } from './money/index.ts';

/** One mandatory mention an invoice still lacks, at the field where it belongs. */
export interface MissingMention {
  path: string;
  message: string;
}

/** Above this net amount a B2B invoice must carry the buyer's VAT number (French rule). */
export const BUYER_VAT_THRESHOLD = '150.00';

const PENALTY = /p[ée]nalit|penalt|late[- ]payment|int[ée]r[êe]ts? de retard/i;
const INDEMNITY = /indemnit[ée] forfaitaire|recovery|frais de recouvrement|40\s?(€|eur)/i;

/**
 * French/EU mandatory mentions, checked before submit and again before issue; the client
 * shows each at its field before anyone tries. The buyer is taken to be a business (this is
 * a B2B invoicing tool), so its VAT number is required above the threshold.
 */
export function missingMentions(invoice: Invoice): MissingMention[] {
  const out: MissingMention[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) out.push({ path, message });
  };
  const filled = (s: string) => s.trim().length > 0;
  need(filled(invoice.seller.name), 'seller.name', 'Seller name is required');
  need(filled(invoice.seller.address), 'seller.address', 'Seller address is required');
  need(
    /^\d{9}(\d{5})?$/.test(invoice.seller.siren.replace(/\s/g, '')),
    'seller.siren',
    'Seller SIREN (9 digits) or SIRET (14 digits) is required',
  );
  need(filled(invoice.seller.vatId), 'seller.vatId', 'Seller VAT number is required');
  need(filled(invoice.buyer.name), 'buyer.name', 'Buyer name is required');
  need(filled(invoice.buyer.address), 'buyer.address', 'Buyer address is required');
  need(filled(invoice.issueDate), 'issueDate', 'Issue date is required');
  need(filled(invoice.dueDate), 'dueDate', 'Due date is required');
  need(PENALTY.test(invoice.terms), 'terms', 'Payment terms must state the late-payment penalty rate');
  need(
    INDEMNITY.test(invoice.terms),
    'terms',
    'Payment terms must state the fixed recovery indemnity (40 €)',
  );
  need(invoice.lines.length > 0, 'lines', 'The invoice needs at least one line');
  invoice.lines.forEach((line, i) => {
    const at = (field: string) => `lines.${line.id}.${field}`;
    const n = i + 1;
    need(filled(line.description), at('description'), `Line ${n} needs a description`);
    need(isDecimalString(line.quantity), at('quantity'), `Line ${n} needs a quantity`);
    need(isDecimalString(line.unitPrice), at('unitPrice'), `Line ${n} needs a unit price`);
    need(isDecimalString(line.vatRate), at('vatRate'), `Line ${n} needs a VAT rate`);
  });
  const totals = computeTotals(invoice.lines);
  if (compareDecimal(totals.netTotal, BUYER_VAT_THRESHOLD) > 0) {
    need(
      filled(invoice.buyer.vatId),
      'buyer.vatId',
      `Buyer VAT number is required above ${BUYER_VAT_THRESHOLD} € excl. VAT`,
    );
  }
  return out;
}
