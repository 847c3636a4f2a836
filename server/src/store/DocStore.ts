/**
 * Where invoice documents live: an append-only, hash-chained update log plus snapshots.
 * SQLite now; a PostgreSQL implementation will sit behind the same interface. Every method
 * is synchronous on purpose — the append must finish before the client's ack leaves.
 */
export interface UpdateRow {
  doc: string;
  seq: number;
  at: number;
  userId: string;
  update: Uint8Array;
  prevHash: string;
  hash: string;
}

export interface Snapshot {
  doc: string;
  seq: number;
  at: number;
  state: Uint8Array;
}

export interface DocStore {
  append(doc: string, userId: string, update: Uint8Array, at?: number): UpdateRow;
  /**
   * Runs `write` (single synchronous SQL statements on the same database, no transaction of
   * its own) in the commit of the next append, or on its own later in this turn of the event
   * loop if none comes: a fact derived from an update, such as who edited last, is then exactly
   * as durable as that update, for one WAL commit instead of two. The same function queued
   * twice runs once.
   */
  withNextAppend(write: () => void): void;
  lastSeq(doc: string): number;
  /** Latest snapshot (if any) and every update after it, in order. */
  loadTail(doc: string): { snapshot: Snapshot | null; tail: UpdateRow[] };
  updates(doc: string, fromSeq?: number, toSeq?: number): UpdateRow[];
  writeSnapshot(doc: string, seq: number, state: Uint8Array): void;
  /** Whether any update exists for the document. */
  exists(doc: string): boolean;
  /** The latest snapshot taken at or before `seq` (replay's checkpoint), if any. */
  snapshotAtOrBefore(doc: string, seq: number): Snapshot | null;
  /** Up to `limit` rows after `afterSeq`, in order: paging that survives gaps in `seq`. */
  updatesAfter(doc: string, afterSeq: number, limit: number): UpdateRow[];
}
