import { type Invoice, insertLine, moveLine, readInvoice } from '@cofacture/shared';
import type * as Y from 'yjs';

/**
 * A new line starts as one unit at zero with the previous line's VAT rate (or the standard
 * French rate), so it is valid from the first keystroke and totals never see an empty number.
 */
export function addLine(doc: Y.Doc, origin: unknown): string {
  const { lines } = readInvoice(doc);
  const vatRate = lines[lines.length - 1]?.vatRate || '20';
  return insertLine(doc, lines.length, { description: '', quantity: '1', unitPrice: '0', vatRate }, origin);
}

/** Moves a line up (-1) or down (+1) in the list; returns false at either end. */
export function moveLineBy(
  doc: Y.Doc,
  invoice: Invoice,
  lineId: string,
  by: -1 | 1,
  origin: unknown,
): boolean {
  const index = invoice.lines.findIndex((line) => line.id === lineId);
  const target = index + by;
  if (index === -1 || target < 0 || target >= invoice.lines.length) return false;
  moveLine(doc, lineId, target, origin);
  return true;
}
