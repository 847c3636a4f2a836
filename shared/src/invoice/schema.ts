import * as Y from 'yjs';

/**
 * The only module that knows the Yjs key strings of an invoice document (DESIGN §4, contract).
 * Everything else reads through `read.ts` and writes through `edit.ts`.
 */
export const DOC_PREFIX = 'invoice:';
export const ROOT = { invoice: 'invoice', locks: 'locks', comments: 'comments' } as const;

export const KEY = {
  schemaVersion: 'schemaVersion',
  currency: 'currency',
  issueDate: 'issueDate',
  dueDate: 'dueDate',
  seller: 'seller',
  buyer: 'buyer',
  lines: 'lines',
  notes: 'notes',
  terms: 'terms',
  status: 'status',
  number: 'number',
  kind: 'kind',
} as const;

export const PARTY_FIELDS = ['name', 'address', 'vatId', 'email', 'siren'] as const;
export type PartyField = (typeof PARTY_FIELDS)[number];
export const PARTIES = ['seller', 'buyer'] as const;
export type PartyKey = (typeof PARTIES)[number];

export const LINE_KEY = { id: 'id', description: 'description', position: 'position' } as const;
export const LINE_NUMBER_FIELDS = ['quantity', 'unitPrice', 'vatRate'] as const;
export type LineNumberField = (typeof LINE_NUMBER_FIELDS)[number];

export const HEADER_FIELDS = ['currency', 'issueDate', 'dueDate'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

export const RICH_TEXT_FIELDS = ['notes', 'terms'] as const;
export type RichTextField = (typeof RICH_TEXT_FIELDS)[number];

/** Keys only the server writes; a client change to them is refused by the guard. */
export const SERVER_OWNED_KEYS = ['status', 'number', 'kind', 'schemaVersion'] as const;

export type YLine = Y.Map<unknown>;

/** Ids end up in document names, URLs and log lines: no separators, no dots, bounded. */
const INVOICE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Refuses an id that `invoiceIdFromDocName` would not read back, so no document is unopenable. */
export function docName(invoiceId: string): string {
  if (!INVOICE_ID.test(invoiceId)) throw new RangeError(`Not an invoice id: ${JSON.stringify(invoiceId)}`);
  return `${DOC_PREFIX}${invoiceId}`;
}

export function invoiceIdFromDocName(name: string): string | null {
  if (!name.startsWith(DOC_PREFIX)) return null;
  const id = name.slice(DOC_PREFIX.length);
  return INVOICE_ID.test(id) ? id : null;
}

export function invoiceMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.invoice);
}

export function locksMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.locks);
}

export function commentsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.comments);
}

export function partyMap(doc: Y.Doc, party: PartyKey): Y.Map<unknown> | null {
  const value = invoiceMap(doc).get(KEY[party]);
  return value instanceof Y.Map ? value : null;
}

export function partyText(doc: Y.Doc, party: PartyKey, field: PartyField): Y.Text | null {
  const value = partyMap(doc, party)?.get(field);
  return value instanceof Y.Text ? value : null;
}

export function linesArray(doc: Y.Doc): Y.Array<unknown> | null {
  const value = invoiceMap(doc).get(KEY.lines);
  return value instanceof Y.Array ? value : null;
}

/** Line maps in document order; entries that are not maps (never written by us) are skipped. */
export function lineMaps(doc: Y.Doc): YLine[] {
  const lines = linesArray(doc);
  if (!lines) return [];
  return lines.toArray().filter((item): item is YLine => item instanceof Y.Map);
}

export interface VisibleLine {
  line: YLine;
  id: string;
  /** Position in the raw lines array, which may also hold skipped entries. */
  index: number;
  /** The fractional order key. */
  position: string;
}

/**
 * The lines readers see, in order: maps with a string id, first occurrence of each id only (a
 * malicious or pre-migration document may hold copies), sorted by their `position` key — a
 * fractional index, so a move is one map set that never copies a line — with the raw array
 * order breaking ties (two lines inserted at the same spot concurrently).
 */
export function visibleLines(doc: Y.Doc): VisibleLine[] {
  const lines = linesArray(doc);
  if (!lines) return [];
  const seen = new Set<string>();
  const out: VisibleLine[] = [];
  let index = 0;
  for (const item of lines) {
    if (item instanceof Y.Map) {
      const id = lineId(item);
      if (id !== null && !seen.has(id)) {
        seen.add(id);
        out.push({ line: item, id, index, position: linePosition(item) });
      }
    }
    index++;
  }
  return out.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.index - b.index));
}

/** A line's order key; '' (first) when missing or not a string. */
export function linePosition(line: YLine): string {
  const value = line.get(LINE_KEY.position);
  return typeof value === 'string' ? value : '';
}

export function lineId(line: YLine): string | null {
  const id = line.get(LINE_KEY.id);
  return typeof id === 'string' ? id : null;
}

export function findLine(doc: Y.Doc, id: string): { line: YLine; index: number } | null {
  const lines = linesArray(doc);
  if (!lines) return null;
  let index = 0;
  for (const item of lines) {
    if (item instanceof Y.Map && item.get(LINE_KEY.id) === id) return { line: item, index };
    index++;
  }
  return null;
}

export function lineDescription(line: YLine): Y.Text | null {
  const value = line.get(LINE_KEY.description);
  return value instanceof Y.Text ? value : null;
}

export function richText(doc: Y.Doc, field: RichTextField): Y.XmlText | null {
  const value = invoiceMap(doc).get(KEY[field]);
  return value instanceof Y.XmlText ? value : null;
}
