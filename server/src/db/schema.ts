/**
 * SQL schema, applied in order by `openDatabase`. Each entry runs once; the applied count is
 * kept in `PRAGMA user_version`, so a new entry is a forward-only migration.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE orgs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE memberships (
    org_id TEXT NOT NULL REFERENCES orgs(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    roles TEXT NOT NULL,
    PRIMARY KEY (org_id, user_id)
  );
  CREATE INDEX memberships_user ON memberships(user_id);

  CREATE TABLE invoices (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    number TEXT,
    buyer_name TEXT NOT NULL DEFAULT '',
    currency TEXT NOT NULL DEFAULT 'EUR',
    net_total TEXT NOT NULL DEFAULT '0.00',
    gross_total TEXT NOT NULL DEFAULT '0.00',
    issue_date TEXT NOT NULL DEFAULT '',
    due_date TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX invoices_org_status ON invoices(org_id, status, updated_at);

  -- The durable, hash-chained update log (DESIGN §5). Never updated, never deleted.
  CREATE TABLE doc_updates (
    doc TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    "update" BLOB NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (doc, seq)
  ) WITHOUT ROWID;
  CREATE TRIGGER doc_updates_no_update BEFORE UPDATE ON doc_updates
  BEGIN SELECT RAISE(ABORT, 'doc_updates is append-only: rows cannot be updated'); END;
  CREATE TRIGGER doc_updates_no_delete BEFORE DELETE ON doc_updates
  BEGIN SELECT RAISE(ABORT, 'doc_updates is append-only: rows cannot be deleted'); END;

  -- Full states after a given seq: a cache for fast loads, rebuilt from the log if lost.
  CREATE TABLE doc_snapshots (
    doc TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    state BLOB NOT NULL,
    PRIMARY KEY (doc, seq)
  ) WITHOUT ROWID;
  `,
  // Workflow: who did what to an invoice, the org's settings (approval levels, number format)
  // and its gapless number series. Events are append-only like the update log.
  `
  CREATE TABLE invoice_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    invoice_id TEXT NOT NULL REFERENCES invoices(id),
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    reason TEXT,
    meta TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX invoice_events_invoice ON invoice_events(invoice_id, id);
  CREATE TRIGGER invoice_events_no_update BEFORE UPDATE ON invoice_events
  BEGIN SELECT RAISE(ABORT, 'invoice_events is append-only'); END;
  CREATE TRIGGER invoice_events_no_delete BEFORE DELETE ON invoice_events
  BEGIN SELECT RAISE(ABORT, 'invoice_events is append-only'); END;

  CREATE TABLE org_settings (
    org_id TEXT PRIMARY KEY REFERENCES orgs(id),
    approval_levels TEXT NOT NULL,
    number_format TEXT NOT NULL
  );
  CREATE TABLE number_series (
    org_id TEXT NOT NULL REFERENCES orgs(id),
    series TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (org_id, series)
  );
  ALTER TABLE invoices ADD COLUMN last_editor_id TEXT;
  ALTER TABLE invoices ADD COLUMN credit_of TEXT;
  `,
  // The audit projection (DESIGN §5): change entries derived from the log, a per-document
  // watermark of how far they reach, and the guard's refusals (which the log cannot tell).
  `
  CREATE TABLE audit_entries (
    doc TEXT NOT NULL,
    id INTEGER NOT NULL,
    seq_from INTEGER NOT NULL,
    seq_to INTEGER NOT NULL,
    at_from INTEGER NOT NULL,
    at_to INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    path TEXT NOT NULL,
    summary TEXT NOT NULL,
    reason TEXT,
    change TEXT,
    PRIMARY KEY (doc, id)
  ) WITHOUT ROWID;
  CREATE INDEX audit_entries_user ON audit_entries(doc, user_id, id);
  CREATE INDEX audit_entries_kind ON audit_entries(doc, kind, id);
  CREATE INDEX audit_entries_at ON audit_entries(doc, at_from);
  CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
  BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only: rows cannot be updated'); END;
  CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
  BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only: rows cannot be deleted'); END;

  -- Every log row with seq <= seq is covered by the entries written so far.
  CREATE TABLE audit_watermarks (
    doc TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    entries INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TRIGGER audit_watermarks_forward BEFORE UPDATE ON audit_watermarks
  WHEN NEW.seq < OLD.seq OR NEW.entries < OLD.entries
  BEGIN SELECT RAISE(ABORT, 'audit_watermarks only move forward'); END;
  CREATE TRIGGER audit_watermarks_no_delete BEFORE DELETE ON audit_watermarks
  BEGIN SELECT RAISE(ABORT, 'audit_watermarks rows cannot be deleted'); END;

  -- Edits the guard refused: the refused row is the refusing user's first row after after_seq.
  CREATE TABLE audit_rejections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc TEXT NOT NULL,
    after_seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    refusals TEXT NOT NULL
  );
  CREATE INDEX audit_rejections_doc ON audit_rejections(doc, after_seq);
  CREATE TRIGGER audit_rejections_no_update BEFORE UPDATE ON audit_rejections
  BEGIN SELECT RAISE(ABORT, 'audit_rejections is append-only: rows cannot be updated'); END;
  CREATE TRIGGER audit_rejections_no_delete BEFORE DELETE ON audit_rejections
  BEGIN SELECT RAISE(ABORT, 'audit_rejections is append-only: rows cannot be deleted'); END;
  `,
  // Notifications (read/unread per user, preferences), org webhooks with their delivery log
  // (pending deliveries resume after a restart), and org invoice templates.
  `
  CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    org_id TEXT NOT NULL REFERENCES orgs(id),
    kind TEXT NOT NULL,
    invoice_id TEXT NOT NULL REFERENCES invoices(id),
    invoice_label TEXT NOT NULL,
    message TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    thread_id TEXT,
    at TEXT NOT NULL,
    read_at TEXT
  );
  CREATE INDEX notifications_user ON notifications(user_id);
  CREATE INDEX notifications_user_unread ON notifications(user_id) WHERE read_at IS NULL;
  CREATE TABLE notification_preferences (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    prefs TEXT NOT NULL
  );

  CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    url TEXT NOT NULL,
    events TEXT,
    secret TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX webhooks_org ON webhooks(org_id);
  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(webhook_id, created_at);
  CREATE INDEX webhook_deliveries_pending ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';
  CREATE TABLE webhook_attempts (
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL,
    at TEXT NOT NULL,
    status_code INTEGER,
    error TEXT,
    duration_ms INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
  ) WITHOUT ROWID;

  CREATE TABLE invoice_templates (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs(id),
    name TEXT NOT NULL COLLATE NOCASE,
    content TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, name)
  );
  `,
];
