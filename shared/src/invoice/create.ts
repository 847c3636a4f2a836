import * as Y from 'yjs';
import type { InvoiceKind, InvoiceStatus } from '../workflow.ts';
import { buildLine } from './edit.ts';
import { CURRENT_SCHEMA_VERSION } from './migrate.ts';
import { initialKeys } from './order.ts';
import { writeParagraphs } from './richText.ts';
import { invoiceMap, KEY, PARTIES, PARTY_FIELDS, RICH_TEXT_FIELDS } from './schema.ts';
import type { InvoiceInit } from './types.ts';

/**
 * Writes the whole structure of a new invoice. Only the server calls this, once, so nested
 * types (parties, lines, rich text) are never created concurrently by two clients — a race
 * that Yjs resolves by silently dropping one side.
 */
export function initInvoiceDoc(doc: Y.Doc, init: InvoiceInit, origin: unknown): void {
  doc.transact(() => {
    const root = invoiceMap(doc);
    root.set(KEY.schemaVersion, CURRENT_SCHEMA_VERSION);
    root.set(KEY.currency, init.currency ?? 'EUR');
    root.set(KEY.issueDate, init.issueDate ?? '');
    root.set(KEY.dueDate, init.dueDate ?? '');
    for (const party of PARTIES) {
      const map = new Y.Map<unknown>();
      root.set(KEY[party], map);
      for (const field of PARTY_FIELDS) map.set(field, new Y.Text(init[party]?.[field] ?? ''));
    }
    const lines = new Y.Array<unknown>();
    root.set(KEY.lines, lines);
    const keys = initialKeys(init.lines?.length ?? 0);
    lines.push((init.lines ?? []).map((line, i) => buildLine(line, keys[i])));
    for (const field of RICH_TEXT_FIELDS) {
      const text = new Y.XmlText();
      root.set(KEY[field], text);
      writeParagraphs(text, splitParagraphs(init[field] ?? ''));
    }
    root.set(KEY.status, init.status ?? 'draft');
    root.set(KEY.number, init.number ?? null);
    root.set(KEY.kind, init.kind ?? 'invoice');
  }, origin);
}

export function isInitialised(doc: Y.Doc): boolean {
  return invoiceMap(doc).has(KEY.schemaVersion);
}

export function setServerFields(
  doc: Y.Doc,
  fields: { status?: InvoiceStatus; number?: string | null; kind?: InvoiceKind },
  origin: unknown,
): void {
  doc.transact(() => {
    const root = invoiceMap(doc);
    if (fields.status !== undefined) root.set(KEY.status, fields.status);
    if (fields.number !== undefined) root.set(KEY.number, fields.number);
    if (fields.kind !== undefined) root.set(KEY.kind, fields.kind);
  }, origin);
}

function splitParagraphs(text: string): string[] {
  return text.length === 0 ? [] : text.split('\n');
}
