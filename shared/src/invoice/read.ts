import * as Y from 'yjs';
import { isInvoiceKind, isInvoiceStatus } from '../workflow.ts';
import { schemaVersion } from './migrate.ts';
import { richTextToPlain } from './richText.ts';
import {
  HEADER_FIELDS,
  invoiceMap,
  KEY,
  LINE_KEY,
  LINE_NUMBER_FIELDS,
  PARTIES,
  PARTY_FIELDS,
  type PartyKey,
  partyMap,
  RICH_TEXT_FIELDS,
  richText,
  visibleLines,
  type YLine,
} from './schema.ts';
import type { Invoice, InvoiceLine, Party } from './types.ts';

function str(value: unknown): string {
  return typeof value === 'string' ? value : value instanceof Y.Text ? value.toString() : '';
}

function readParty(doc: Y.Doc, party: PartyKey): Party {
  const map = partyMap(doc, party);
  const out = {} as Party;
  for (const field of PARTY_FIELDS) out[field] = str(map?.get(field));
  return out;
}

function readLine(line: YLine, id: string): InvoiceLine {
  const out: InvoiceLine = {
    id,
    description: str(line.get(LINE_KEY.description)),
    quantity: '',
    unitPrice: '',
    vatRate: '',
  };
  for (const field of LINE_NUMBER_FIELDS) out[field] = str(line.get(field));
  return out;
}

/**
 * Plain value of an invoice document. Never throws: a document that converged from any mix
 * of concurrent edits (or holds junk a malicious client wrote) reads as defaults where a
 * value is missing or of the wrong type. A line moved concurrently by two people can exist
 * twice with one id; the first occurrence wins so ids stay unique.
 */
export function readInvoice(doc: Y.Doc): Invoice {
  const root = invoiceMap(doc);
  const lines = visibleLines(doc).map(({ line, id }) => readLine(line, id));
  const header = {} as Record<(typeof HEADER_FIELDS)[number], string>;
  for (const field of HEADER_FIELDS) header[field] = str(root.get(KEY[field]));
  const rich = {} as Record<(typeof RICH_TEXT_FIELDS)[number], string>;
  for (const field of RICH_TEXT_FIELDS) {
    const text = richText(doc, field);
    rich[field] = text ? richTextToPlain(text) : '';
  }
  const status = root.get(KEY.status);
  const kind = root.get(KEY.kind);
  const number = root.get(KEY.number);
  const parties = Object.fromEntries(PARTIES.map((p) => [p, readParty(doc, p)])) as Record<PartyKey, Party>;
  return {
    schemaVersion: schemaVersion(doc),
    ...header,
    ...parties,
    lines,
    ...rich,
    status: isInvoiceStatus(status) ? status : 'draft',
    number: typeof number === 'string' && number.length > 0 ? number : null,
    kind: isInvoiceKind(kind) ? kind : 'invoice',
  };
}
