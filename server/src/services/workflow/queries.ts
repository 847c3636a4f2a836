export const SQL = {
  settings:
    'SELECT approval_levels AS approvalLevels, number_format AS numberFormat FROM org_settings WHERE org_id = ?',
  upsertSettings: `INSERT INTO org_settings (org_id, approval_levels, number_format) VALUES (@orgId, @approvalLevels, @numberFormat)
    ON CONFLICT (org_id) DO UPDATE SET approval_levels = excluded.approval_levels, number_format = excluded.number_format`,
  row: `SELECT id, org_id AS orgId, status, kind, number, created_by AS createdBy, last_editor_id AS lastEditorId,
    issue_date AS issueDate FROM invoices WHERE id = ?`,
  events: `SELECT id, user_id AS userId, action, at FROM invoice_events WHERE invoice_id = ? ORDER BY id`,
  insertEvent: `INSERT INTO invoice_events (invoice_id, at, user_id, action, from_status, to_status, reason, meta)
    VALUES (@invoiceId, @at, @userId, @action, @fromStatus, @toStatus, @reason, @meta)`,
  setState:
    'UPDATE invoices SET status = @status, number = COALESCE(@number, number), updated_at = @at WHERE id = @id',
  series: 'SELECT last FROM number_series WHERE org_id = ? AND series = ?',
  bumpSeries: `INSERT INTO number_series (org_id, series, last) VALUES (?, ?, 1)
    ON CONFLICT (org_id, series) DO UPDATE SET last = last + 1`,
  setLastEditor: 'UPDATE invoices SET last_editor_id = ? WHERE id = ?',
  setCreditOf: 'UPDATE invoices SET credit_of = ? WHERE id = ?',
} as const;

export interface InvoiceRow {
  id: string;
  orgId: string;
  status: string;
  kind: string;
  number: string | null;
  createdBy: string;
  lastEditorId: string | null;
  issueDate: string;
}

export interface EventRow {
  id: number;
  userId: string;
  action: string;
  at: string;
}
