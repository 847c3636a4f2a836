/** SQL of notifications (tables in `db/schema.ts`). */
const COLUMNS = `id, kind, invoice_id AS invoiceId, invoice_label AS invoiceLabel, message,
  actor_name AS actorName, at, read_at AS readAt, thread_id AS threadId`;

/** Only notifications about organisations the user still belongs to are shown. */
const MINE = 'user_id = @userId AND org_id IN (SELECT org_id FROM memberships WHERE user_id = @userId)';

export const SQL = {
  insert: `INSERT INTO notifications
    (id, user_id, org_id, kind, invoice_id, invoice_label, message, actor_id, actor_name, thread_id, at)
    VALUES (@id, @userId, @orgId, @kind, @invoiceId, @invoiceLabel, @message, @actorId, @actorName, @threadId, @at)`,
  // Insertion order (rowid) is creation order, also within one millisecond.
  list: `SELECT ${COLUMNS} FROM notifications WHERE ${MINE} AND (@unreadOnly = 0 OR read_at IS NULL)
    ORDER BY rowid DESC LIMIT @limit`,
  unreadCount: `SELECT COUNT(*) AS n FROM notifications WHERE ${MINE} AND read_at IS NULL`,
  get: `SELECT ${COLUMNS} FROM notifications WHERE id = @id AND ${MINE}`,
  markRead: 'UPDATE notifications SET read_at = COALESCE(read_at, @at) WHERE id = @id AND user_id = @userId',
  markAllRead: 'UPDATE notifications SET read_at = @at WHERE user_id = @userId AND read_at IS NULL',
  prefs: 'SELECT prefs FROM notification_preferences WHERE user_id = ?',
  upsertPrefs: `INSERT INTO notification_preferences (user_id, prefs) VALUES (?, ?)
    ON CONFLICT (user_id) DO UPDATE SET prefs = excluded.prefs`,
  events: 'SELECT id, user_id AS userId, action, at FROM invoice_events WHERE invoice_id = ? ORDER BY id',
  createdBy: 'SELECT created_by AS createdBy FROM invoices WHERE id = ?',
} as const;

export interface NotificationRow {
  id: string;
  kind: string;
  invoiceId: string;
  invoiceLabel: string;
  message: string;
  actorName: string;
  at: string;
  readAt: string | null;
  threadId: string | null;
}
