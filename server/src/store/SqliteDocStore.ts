import { GENESIS_HASH } from '@cofacture/shared';
import type { Db } from '../db/openDatabase.ts';
import type { DocStore, Snapshot, UpdateRow } from './DocStore.ts';
import { chainHash } from './hash.ts';

const SQL = {
  last: 'SELECT seq, hash FROM doc_updates WHERE doc = ? ORDER BY seq DESC LIMIT 1',
  insert:
    'INSERT INTO doc_updates (doc, seq, at, user_id, "update", prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  range:
    'SELECT doc, seq, at, user_id AS userId, "update" AS "update", prev_hash AS prevHash, hash FROM doc_updates WHERE doc = ? AND seq > ? AND seq <= ? ORDER BY seq',
  latestSnapshot: 'SELECT doc, seq, at, state FROM doc_snapshots WHERE doc = ? ORDER BY seq DESC LIMIT 1',
  insertSnapshot: 'INSERT OR REPLACE INTO doc_snapshots (doc, seq, at, state) VALUES (?, ?, ?, ?)',
  exists: 'SELECT 1 FROM doc_updates WHERE doc = ? LIMIT 1',
  snapshotAtOrBefore:
    'SELECT doc, seq, at, state FROM doc_snapshots WHERE doc = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
  after:
    'SELECT doc, seq, at, user_id AS userId, "update" AS "update", prev_hash AS prevHash, hash FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq LIMIT ?',
} as const;

interface RawRow extends Omit<UpdateRow, 'update'> {
  update: Buffer;
}

export class SqliteDocStore implements DocStore {
  private readonly heads = new Map<string, { seq: number; hash: string }>();
  private readonly riders = new Set<() => void>();
  private readonly stmt;
  private readonly insertWithRiders;

  constructor(private readonly db: Db) {
    this.stmt = {
      last: db.prepare<[string], { seq: number; hash: string }>(SQL.last),
      insert: db.prepare(SQL.insert),
      range: db.prepare<[string, number, number], RawRow>(SQL.range),
      latestSnapshot: db.prepare<[string], Omit<Snapshot, 'state'> & { state: Buffer }>(SQL.latestSnapshot),
      insertSnapshot: db.prepare(SQL.insertSnapshot),
      exists: db.prepare<[string], unknown>(SQL.exists),
      snapshotAtOrBefore: db.prepare<[string, number], Omit<Snapshot, 'state'> & { state: Buffer }>(
        SQL.snapshotAtOrBefore,
      ),
      after: db.prepare<[string, number, number], RawRow>(SQL.after),
    };
    this.insertWithRiders = db.transaction((row: UpdateRow, riders: (() => void)[]) => {
      this.insert(row);
      this.runRiders(riders);
    });
  }

  withNextAppend(write: () => void): void {
    this.riders.add(write);
    if (this.riders.size === 1) setImmediate(() => this.flushRiders());
  }

  private flushRiders(): void {
    if (this.riders.size === 0 || !this.db.open) return;
    this.db.transaction(() => this.runRiders(this.takeRiders()))();
  }

  private takeRiders(): (() => void)[] {
    const riders = [...this.riders];
    this.riders.clear();
    return riders;
  }

  /**
   * A rider is single statements, each atomic in SQLite: one that fails leaves nothing behind
   * and is logged, and never takes the update's row down with it. (A savepoint per rider would
   * cost more than the commit it saves.)
   */
  private runRiders(riders: (() => void)[]): void {
    for (const write of riders) {
      try {
        write();
      } catch (error) {
        console.error('A write riding on an update commit failed:', error);
      }
    }
  }

  private insert(row: UpdateRow): void {
    this.stmt.insert.run(row.doc, row.seq, row.at, row.userId, row.update, row.prevHash, row.hash);
  }

  append(doc: string, userId: string, update: Uint8Array, at = Date.now()): UpdateRow {
    const head = this.head(doc);
    const row: UpdateRow = { doc, seq: head.seq + 1, at, userId, update, prevHash: head.hash, hash: '' };
    row.hash = chainHash(row);
    // One commit (an autocommit INSERT, or with its riders): durable (WAL) once it returns. The
    // cached head moves only after.
    if (this.riders.size === 0) this.insert(row);
    else this.insertWithRiders(row, this.takeRiders());
    this.heads.set(doc, { seq: row.seq, hash: row.hash });
    return row;
  }

  lastSeq(doc: string): number {
    return this.head(doc).seq;
  }

  loadTail(doc: string): { snapshot: Snapshot | null; tail: UpdateRow[] } {
    const snap = this.stmt.latestSnapshot.get(doc);
    const snapshot = snap ? { ...snap, state: new Uint8Array(snap.state) } : null;
    return { snapshot, tail: this.updates(doc, snapshot?.seq ?? 0) };
  }

  // Rows are returned as SQLite gives them: each `update` is a fresh Buffer, which is a
  // Uint8Array, so copying it (and the row) again would only cost the readers (audit replay,
  // load) an allocation per row.
  updates(doc: string, fromSeq = 0, toSeq = Number.MAX_SAFE_INTEGER): UpdateRow[] {
    return this.stmt.range.all(doc, fromSeq, toSeq);
  }

  writeSnapshot(doc: string, seq: number, state: Uint8Array): void {
    this.stmt.insertSnapshot.run(doc, seq, Date.now(), state);
  }

  exists(doc: string): boolean {
    return this.stmt.exists.get(doc) !== undefined;
  }

  snapshotAtOrBefore(doc: string, seq: number): Snapshot | null {
    const snap = this.stmt.snapshotAtOrBefore.get(doc, seq);
    return snap ? { ...snap, state: new Uint8Array(snap.state) } : null;
  }

  updatesAfter(doc: string, afterSeq: number, limit: number): UpdateRow[] {
    return this.stmt.after.all(doc, afterSeq, limit);
  }

  private head(doc: string): { seq: number; hash: string } {
    let head = this.heads.get(doc);
    if (!head) {
      head = this.stmt.last.get(doc) ?? { seq: 0, hash: GENESIS_HASH };
      this.heads.set(doc, head);
    }
    return head;
  }
}
