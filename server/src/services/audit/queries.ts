/** SQL of the audit projection (tables in `db/schema.ts`). */
export const SQL = {
  watermark: 'SELECT seq, entries FROM audit_watermarks WHERE doc = ?',
  upsertWatermark: `INSERT INTO audit_watermarks (doc, seq, entries) VALUES (?, ?, ?)
    ON CONFLICT (doc) DO UPDATE SET seq = excluded.seq, entries = excluded.entries`,
  insertEntry: `INSERT INTO audit_entries
    (doc, id, seq_from, seq_to, at_from, at_to, user_id, kind, path, summary, reason, change)
    VALUES (@doc, @id, @seqFrom, @seqTo, @atFrom, @atTo, @userId, @kind, @path, @summary, @reason, @change)`,
  insertRejection:
    'INSERT INTO audit_rejections (doc, after_seq, at, user_id, refusals) VALUES (?, ?, ?, ?, ?)',
  rejectionsFrom: `SELECT id, after_seq AS afterSeq, at, user_id AS userId, refusals FROM audit_rejections
    WHERE doc = ? AND after_seq >= ? ORDER BY after_seq, id`,
  /** Entries with the author's name; the WHERE clause is built from the history filters. */
  entriesSelect: `SELECT e.id, e.seq_from AS seqFrom, e.seq_to AS seqTo, e.at_from AS atFrom, e.at_to AS atTo,
    e.user_id AS userId, u.name AS userName, e.kind, e.path, e.summary, e.reason, e.change
    FROM audit_entries e LEFT JOIN users u ON u.id = e.user_id`,
  maxSnapshotSeq: 'SELECT MAX(seq) AS seq FROM doc_snapshots WHERE doc = ?',
  orgInvoices: 'SELECT id FROM invoices WHERE org_id = ? ORDER BY created_at, id',
  userName: 'SELECT name FROM users WHERE id = ?',
} as const;

export interface EntryRow {
  id: number;
  seqFrom: number;
  seqTo: number;
  atFrom: number;
  atTo: number;
  userId: string;
  userName: string | null;
  kind: string;
  path: string;
  summary: string;
  reason: string | null;
  change: string | null;
}

export interface RejectionRow {
  id: number;
  afterSeq: number;
  at: number;
  userId: string;
  refusals: string;
}
