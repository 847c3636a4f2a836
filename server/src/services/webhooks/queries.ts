/** SQL of webhooks and their delivery log (tables in `db/schema.ts`). */
export const SQL = {
  insertHook: `INSERT INTO webhooks (id, org_id, url, events, secret, created_by, created_at)
    VALUES (@id, @orgId, @url, @events, @secret, @createdBy, @createdAt)`,
  hooks: `SELECT id, org_id AS orgId, url, events, created_at AS createdAt FROM webhooks
    WHERE org_id = ? ORDER BY created_at, id`,
  hook: 'SELECT id, org_id AS orgId, url, events, created_at AS createdAt FROM webhooks WHERE id = ? AND org_id = ?',
  deleteHook: 'DELETE FROM webhooks WHERE id = ? AND org_id = ?',
  insertDelivery: `INSERT INTO webhook_deliveries
    (id, webhook_id, event, payload, status, attempts, next_attempt_at, created_at, updated_at)
    VALUES (@id, @webhookId, @event, @payload, 'pending', 0, @nextAttemptAt, @createdAt, @createdAt)`,
  deliveries: `SELECT id, event, payload, status, attempts, next_attempt_at AS nextAttemptAt,
    created_at AS createdAt, updated_at AS updatedAt
    FROM webhook_deliveries WHERE webhook_id = ? ORDER BY rowid DESC LIMIT ?`,
  attemptsOf: `SELECT delivery_id AS deliveryId, attempt, at, status_code AS statusCode, error,
    duration_ms AS durationMs FROM webhook_attempts WHERE delivery_id IN
    (SELECT id FROM webhook_deliveries WHERE webhook_id = ? ORDER BY rowid DESC LIMIT ?)
    ORDER BY delivery_id, attempt`,
  pending: `SELECT id, next_attempt_at AS nextAttemptAt FROM webhook_deliveries WHERE status = 'pending'`,
  toSend: `SELECT d.id, d.event, d.payload, d.attempts, w.url, w.secret
    FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
    WHERE d.id = ? AND d.status = 'pending'`,
  insertAttempt: `INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms)
    VALUES (@deliveryId, @attempt, @at, @statusCode, @error, @durationMs)`,
  settle: `UPDATE webhook_deliveries SET status = @status, attempts = @attempt, next_attempt_at = @nextAttemptAt,
    updated_at = @at WHERE id = @deliveryId`,
} as const;

export interface HookRow {
  id: string;
  orgId: string;
  url: string;
  /** JSON array of action names, or null for every action. */
  events: string | null;
  createdAt: string;
}

export interface DeliveryRow {
  id: string;
  event: string;
  payload: string;
  status: string;
  attempts: number;
  nextAttemptAt: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface AttemptRow {
  deliveryId: string;
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface SendRow {
  id: string;
  event: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
}
