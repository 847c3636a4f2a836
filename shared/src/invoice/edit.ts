import * as Y from 'yjs';
import { newId } from './ids.ts';
import { keyAt } from './order.ts';
import {
  findLine,
  type HeaderField,
  invoiceMap,
  KEY,
  LINE_KEY,
  LINE_NUMBER_FIELDS,
  type LineNumberField,
  lineDescription,
  lineId,
  linesArray,
  type PartyField,
  type PartyKey,
  partyText,
  visibleLines,
  type YLine,
} from './schema.ts';
import { applyTextChange } from './textDiff.ts';
import type { InvoiceLineInit } from './types.ts';

/** Any Yjs transaction origin; the server tags its own edits (see protocol/origins.ts). */
export type EditOrigin = unknown;

export class InvoiceEditError extends Error {
  override name = 'InvoiceEditError';
  constructor(
    readonly code: 'no_such_line' | 'not_initialised',
    message: string,
  ) {
    super(message);
  }
}

export function setPartyField(
  doc: Y.Doc,
  party: PartyKey,
  field: PartyField,
  value: string,
  origin: EditOrigin,
): void {
  const text = partyText(doc, party, field);
  if (!text) throw new InvoiceEditError('not_initialised', `The invoice has no ${party}.${field} field yet.`);
  doc.transact(() => applyTextChange(text, value), origin);
}

export function setHeaderField(doc: Y.Doc, field: HeaderField, value: string, origin: EditOrigin): void {
  doc.transact(() => {
    if (invoiceMap(doc).get(KEY[field]) !== value) invoiceMap(doc).set(KEY[field], value);
  }, origin);
}

export function setLineField(
  doc: Y.Doc,
  id: string,
  field: LineNumberField,
  value: string,
  origin: EditOrigin,
): void {
  const found = requireLine(doc, id);
  doc.transact(() => {
    if (found.line.get(field) !== value) found.line.set(field, value);
  }, origin);
}

export function setLineDescription(doc: Y.Doc, id: string, value: string, origin: EditOrigin): void {
  const text = lineDescription(requireLine(doc, id).line);
  if (!text) throw new InvoiceEditError('not_initialised', `Line ${id} has no description field.`);
  doc.transact(() => applyTextChange(text, value), origin);
}

/** Builds a detached line map; it must be inserted into the lines array before it is read. */
export function buildLine(init: InvoiceLineInit = {}, position = ''): YLine {
  const line = new Y.Map<unknown>();
  line.set(LINE_KEY.id, init.id ?? newId());
  line.set(LINE_KEY.position, position);
  line.set(LINE_KEY.description, new Y.Text(init.description ?? ''));
  for (const field of LINE_NUMBER_FIELDS) line.set(field, init[field] ?? '');
  return line;
}

/**
 * Inserts a line so that it shows at `index` among the visible lines (clamped) and returns
 * its id. The array order does not matter: the line's order key places it.
 */
export function insertLine(doc: Y.Doc, index: number, init: InvoiceLineInit, origin: EditOrigin): string {
  const lines = requireLines(doc);
  const visible = visibleLines(doc);
  const line = buildLine(init, keyAt(visible, clamp(index, 0, visible.length)));
  doc.transact(() => lines.push([line]), origin);
  return line.get(LINE_KEY.id) as string;
}

/** Removes every copy of the line, so a hidden copy cannot resurface. */
export function removeLine(doc: Y.Doc, id: string, origin: EditOrigin): void {
  requireLine(doc, id);
  const lines = requireLines(doc);
  const copies = copyPositions(lines, id);
  doc.transact(() => {
    for (const position of copies.reverse()) lines.delete(position, 1);
  }, origin);
}

/**
 * Moves a line so it shows at `toIndex` among the visible lines: one new order key, no copy —
 * so someone editing the line at the same moment keeps their edit, and two concurrent moves
 * resolve to one of them instead of duplicating the line.
 */
export function moveLine(doc: Y.Doc, id: string, toIndex: number, origin: EditOrigin): void {
  const found = requireLine(doc, id);
  const visible = visibleLines(doc);
  const from = visible.findIndex((entry) => entry.id === id);
  const target = clamp(toIndex, 0, visible.length - 1);
  if (target === from) return;
  const others = visible.filter((entry) => entry.id !== id);
  doc.transact(() => found.line.set(LINE_KEY.position, keyAt(others, target)), origin);
}

/** Inserts a copy of the line right after it and returns the copy's new id. */
export function duplicateLine(doc: Y.Doc, id: string, origin: EditOrigin): string {
  const found = requireLine(doc, id);
  const { id: _old, ...content } = snapshotLine(found.line, id);
  const from = visibleLines(doc).findIndex((entry) => entry.id === id);
  return insertLine(doc, from + 1, content, origin);
}

/** Raw positions of every map carrying this id, in ascending order. */
function copyPositions(lines: Y.Array<unknown>, id: string): number[] {
  const positions: number[] = [];
  lines.forEach((item, index) => {
    if (item instanceof Y.Map && lineId(item) === id) positions.push(index);
  });
  return positions;
}

function snapshotLine(line: YLine, id: string): InvoiceLineInit & { id: string } {
  const out: InvoiceLineInit & { id: string } = { id, description: lineDescription(line)?.toString() ?? '' };
  for (const field of LINE_NUMBER_FIELDS) {
    const value = line.get(field);
    out[field] = typeof value === 'string' ? value : '';
  }
  return out;
}

function requireLines(doc: Y.Doc): Y.Array<unknown> {
  const lines = linesArray(doc);
  if (!lines) throw new InvoiceEditError('not_initialised', 'The invoice has no line list yet.');
  return lines;
}

function requireLine(doc: Y.Doc, id: string): { line: YLine; index: number } {
  const found = findLine(doc, id);
  if (!found) throw new InvoiceEditError('no_such_line', `Line ${id} is not (or no longer) in this invoice.`);
  return found;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
