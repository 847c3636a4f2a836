import type { AuditEntry, ChainVerification } from '@cofacture/shared/audit/index.ts';
import type { UpdateRow } from '../../store/DocStore.ts';

/**
 * Export of one invoice's history for an outside party: the raw chain rows (update bytes in
 * base64, prev_hash, hash — everything needed to recompute the chain, see docs/architecture.md
 * "Audit") and the readable entries. Both formats are generated row by row, so an export of any
 * size streams in bounded memory.
 */
export interface ExportParts {
  invoiceId: string;
  doc: string;
  verification: ChainVerification;
  rows: Iterable<UpdateRow>;
  entries: AsyncIterable<AuditEntry>;
  userName(userId: string): string;
}

export const EXPORT_FORMAT = 'cofacture-audit-export/1';

/** The hashed layout, as text, so the file explains itself. */
export const CHAIN_LAYOUT =
  'hash = hex(sha256(utf8(prev_hash + "\\n" + seq + "\\n" + doc + "\\n" + user_id + "\\n" + at_ms + "\\n") ++ update_bytes)); the first row has prev_hash = 64 zeros';

export async function* jsonExport(parts: ExportParts): AsyncGenerator<string> {
  const header = {
    format: EXPORT_FORMAT,
    invoiceId: parts.invoiceId,
    doc: parts.doc,
    exportedAt: new Date().toISOString(),
    chainLayout: CHAIN_LAYOUT,
    verification: parts.verification,
  };
  yield `${JSON.stringify(header).slice(0, -1)},"rows":[`;
  let first = true;
  for (const row of parts.rows) {
    const item = {
      seq: row.seq,
      at: row.at,
      atIso: new Date(row.at).toISOString(),
      userId: row.userId,
      userName: parts.userName(row.userId),
      prevHash: row.prevHash,
      hash: row.hash,
      update: Buffer.from(row.update).toString('base64'),
    };
    yield `${first ? '' : ','}\n${JSON.stringify(item)}`;
    first = false;
  }
  yield '\n],"entries":[';
  first = true;
  for await (const entry of parts.entries) {
    yield `${first ? '' : ','}\n${JSON.stringify(entry)}`;
    first = false;
  }
  yield '\n]}\n';
}

const CSV_COLUMNS = [
  'record',
  'seq',
  'seq_to',
  'at_ms',
  'at',
  'user_id',
  'user_name',
  'kind',
  'path',
  'summary',
  'reason',
  'prev_hash',
  'hash',
  'update_base64',
] as const;

type CsvRecord = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

/** One file, two record types: `update` rows (the chain) then `entry` rows (the readable log). */
export async function* csvExport(parts: ExportParts): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for (const row of parts.rows) {
    yield csvLine({
      record: 'update',
      seq: row.seq,
      at_ms: row.at,
      at: new Date(row.at).toISOString(),
      user_id: row.userId,
      user_name: parts.userName(row.userId),
      prev_hash: row.prevHash,
      hash: row.hash,
      update_base64: Buffer.from(row.update).toString('base64'),
    });
  }
  for await (const entry of parts.entries) {
    yield csvLine({
      record: entry.final ? 'entry' : 'pending-entry',
      seq: entry.seqFrom,
      seq_to: entry.seqTo,
      at_ms: Date.parse(entry.atFrom),
      at: entry.atFrom,
      user_id: entry.userId,
      user_name: entry.userName,
      kind: entry.kind,
      path: entry.path,
      summary: entry.summary,
      reason: entry.reason,
    });
  }
}

/** Text a person typed can start a spreadsheet formula; such cells get a leading apostrophe. */
const TEXT_COLUMNS: ReadonlySet<string> = new Set(['user_name', 'path', 'summary', 'reason']);

function csvLine(record: CsvRecord): string {
  return `${CSV_COLUMNS.map((column) => csvCell(record[column], TEXT_COLUMNS.has(column))).join(',')}\r\n`;
}

function csvCell(value: string | number | null | undefined, text: boolean): string {
  if (value === null || value === undefined) return '';
  let cell = String(value);
  if (text && /^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
