import Database from 'better-sqlite3';
import { Checkpointer } from './checkpointer.ts';
import { MIGRATIONS } from './schema.ts';

export type Db = Database.Database;

export interface DatabaseOptions {
  /**
   * `NORMAL` keeps every committed transaction across a process kill (WAL); `FULL` also
   * across power loss, at the cost of an fsync per commit.
   */
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * How often the checkpoint thread copies the WAL into the database file; 0 leaves
   * checkpoints to SQLite (on the committing thread, as in a plain WAL setup).
   */
  checkpointIntervalMs?: number;
}

export function openDatabase(file: string, options: DatabaseOptions = {}): Db {
  const synchronous = options.synchronous ?? 'NORMAL';
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const interval = options.checkpointIntervalMs ?? 500;
  if (interval > 0 && file !== ':memory:') startCheckpointer(db, file, synchronous, interval);
  return db;
}

/** Ties a checkpoint thread to the connection: it starts now and stops when `db.close()` is called. */
function startCheckpointer(db: Db, file: string, synchronous: 'NORMAL' | 'FULL', intervalMs: number): void {
  db.pragma('wal_autocheckpoint = 0');
  const checkpointer = new Checkpointer({
    file,
    synchronous,
    intervalMs,
    onFailure(error) {
      console.error('SQLite checkpoint thread failed; falling back to automatic checkpoints:', error);
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    },
  });
  const close = db.close.bind(db);
  db.close = () => {
    checkpointer.stop();
    return close();
  };
}

function migrate(db: Db): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let version = applied; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
