import {
  type InvoiceInit,
  invoiceMap,
  isInitialised,
  LINE_KEY,
  setHeaderField,
  setLineField,
  visibleLines,
} from '@cofacture/shared';
import type * as Y from 'yjs';

/** A plausible invoice with `lines` lines: what every target serves in every workload. */
export function benchInvoice(lines: number): InvoiceInit {
  return {
    currency: 'EUR',
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    seller: {
      name: 'Atelier Cofacture SARL',
      address: '12 rue des Lilas, 75011 Paris',
      vatId: 'FR40123456789',
    },
    buyer: {
      name: 'ACME Industries SA',
      address: '3 avenue du Port, 13002 Marseille',
      vatId: 'FR12987654321',
    },
    lines: Array.from({ length: lines }, (_, i) => ({
      description: `Consulting day ${i + 1}: workshop and written report`,
      quantity: '1',
      unitPrice: '650.00',
      vatRate: '20',
    })),
    notes: 'Thank you for your business.',
    terms: 'Payment within 30 days. Late payment: 3 times the legal interest rate.',
  };
}

/** Whether a replica holds the whole structure of an invoice made from `init`. */
export function isComplete(doc: Y.Doc, init: InvoiceInit): boolean {
  return isInitialised(doc) && visibleLines(doc).length === (init.lines?.length ?? 0);
}

export function lineIds(doc: Y.Doc): string[] {
  return visibleLines(doc).map((line) => line.id);
}

/**
 * The k-th edit of a stream of small, realistic edits (half keystrokes in a line's
 * description, half price changes), each its own transaction and so its own update.
 */
export function streamEdit(doc: Y.Doc, ids: readonly string[], k: number, origin: unknown): void {
  const id = ids[k % ids.length] as string;
  if (k % 2 === 0) {
    setLineField(doc, id, 'unitPrice', `${600 + (k % 1000)}.${String(k % 100).padStart(2, '0')}`, origin);
    return;
  }
  const line = visibleLines(doc).find((entry) => entry.id === id)?.line;
  const text = line?.get(LINE_KEY.description) as Y.Text | undefined;
  doc.transact(() => text?.insert(text.length, String.fromCharCode(97 + (k % 26))), origin);
}

/** A value written last, so a reader knows it has everything before it. */
export function markDone(doc: Y.Doc, marker: string, origin: unknown): void {
  setHeaderField(doc, 'dueDate', marker, origin);
}

export function hasMarker(doc: Y.Doc, marker: string): boolean {
  return invoiceMap(doc).get('dueDate') === marker;
}
