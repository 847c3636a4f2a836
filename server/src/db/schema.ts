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
];
