import {
  type AuditEntryKind,
  type AuditView,
  describeChange,
  diffViews,
  type FieldChange,
  isTypingChange,
  mergeChanges,
  readAuditView,
} from '@cofacture/shared/audit/index.ts';
import * as Y from 'yjs';
import type { Db } from '../../db/openDatabase.ts';
import { GUARD_USER } from '../../extensions/context.ts';
import type { DocStore, UpdateRow } from '../../store/DocStore.ts';
import { type RejectionRow, SQL } from './queries.ts';
import { replayTo } from './replay.ts';

const PAGE_ROWS = 500;

export interface ProjectorOptions {
  /** Keystrokes of one person on one field this close together are one entry. */
  groupGapMs: number;
  /** …up to this long, so a long typing session still shows up as it goes. */
  groupSpanMs: number;
  /** A snapshot is written at least this often (in rows) while projecting: replay's checkpoints. */
  checkpointEvery: number;
  /**
   * Shadow documents kept in memory between runs (least recently used go first). Above the
   * number of documents busy at once: a rebuilt cursor replays up to `checkpointEvery` rows in
   * one go. An unloaded document's shadow goes once its projection caught up.
   */
  cacheSize: number;
}

export const DEFAULT_PROJECTOR_OPTIONS: ProjectorOptions = {
  groupGapMs: 5000,
  groupSpanMs: 120_000,
  checkpointEvery: 500,
  cacheSize: 256,
};

/** An entry being built; written once closed and once nothing before it is still open. */
export interface Draft {
  seqFrom: number;
  seqTo: number;
  atFrom: number;
  atTo: number;
  userId: string;
  kind: AuditEntryKind;
  path: string;
  change: FieldChange | null;
  reason: string | null;
  /** Tie-break between entries of one row, so the order is a function of the log alone. */
  ordinal: number;
}

interface Cursor {
  shadow: Y.Doc;
  /** Rows applied to `shadow`. */
  seq: number;
  view: AuditView;
  /** Open typing groups by path. */
  open: Map<string, Draft>;
  /** Rejected-edit entries waiting to include the guard's compensating row. */
  refused: Draft[];
  /** Closed entries that wait for an earlier, still open group. */
  closed: Draft[];
  checkpointSeq: number;
  nextId: number;
}

export interface ProjectResult {
  /** Whether every row of the log is projected (final or pending). */
  caughtUp: boolean;
  /** All log rows up to here are covered by written entries. */
  watermark: number;
  /** Entries not written yet: open groups, and what waits behind them. */
  pending: Draft[];
  /** When the oldest open group closes on its own (ms since epoch), if one is open. */
  closesAt: number | null;
}

/**
 * Derives the change log from the update log (DESIGN §5): replays new rows onto a shadow
 * document, diffs the readable state before and after each row, groups keystrokes, and
 * appends entries with a per-document watermark. Entries are a pure function of the log (and
 * the guard's refusals), so a projector that lost its memory rebuilds the same ones from the
 * watermark. Never runs inside the append: the update's cost stays the synchronous INSERT.
 */
export class Projector {
  private readonly cursors = new Map<string, Cursor>();
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly store: DocStore,
    private readonly options: ProjectorOptions = DEFAULT_PROJECTOR_OPTIONS,
  ) {
    this.stmt = {
      watermark: db.prepare<[string], { seq: number; entries: number }>(SQL.watermark),
      upsertWatermark: db.prepare(SQL.upsertWatermark),
      insertEntry: db.prepare(SQL.insertEntry),
      rejectionsFrom: db.prepare<[string, number], RejectionRow>(SQL.rejectionsFrom),
    };
  }

  /** Projects up to `maxRows` new rows; `now` closes groups nobody can extend any more. */
  project(doc: string, { now = Date.now(), maxRows = Number.POSITIVE_INFINITY } = {}): ProjectResult {
    const cursor = this.cursor(doc);
    for (let left = maxRows; left > 0; ) {
      const limit = Math.min(PAGE_ROWS, left);
      const page = this.store.updatesAfter(doc, cursor.seq, limit);
      const rejections = page.length > 0 ? this.stmt.rejectionsFrom.all(doc, cursor.seq) : [];
      for (const row of page) this.apply(doc, cursor, row, rejections);
      left -= page.length;
      if (page.length < limit) break;
    }
    const caughtUp = this.store.lastSeq(doc) <= cursor.seq;
    if (caughtUp) {
      // Nothing after these rows yet: a refused edit without a compensation, or a group idle
      // for longer than the gap (any later row would come after it too), is complete.
      for (const draft of cursor.refused) cursor.closed.push(draft);
      cursor.refused = [];
      for (const [path, group] of cursor.open) {
        if (now - group.atTo > this.options.groupGapMs) this.close(cursor, path);
      }
    }
    const watermark = this.flush(doc, cursor);
    const pending = [...cursor.closed, ...cursor.refused, ...cursor.open.values()].sort(byPosition);
    const open = [...cursor.open.values()];
    const closesAt = open.length > 0 ? Math.min(...open.map((g) => g.atTo + this.options.groupGapMs)) : null;
    return { caughtUp, watermark, pending, closesAt };
  }

  /** Drops the in-memory state of a document (it is rebuilt from the watermark when needed). */
  forget(doc: string): void {
    this.cursors.get(doc)?.shadow.destroy();
    this.cursors.delete(doc);
  }

  private cursor(doc: string): Cursor {
    const cached = this.cursors.get(doc);
    if (cached) {
      // Least recently used last: re-insert.
      this.cursors.delete(doc);
      this.cursors.set(doc, cached);
      return cached;
    }
    const mark = this.stmt.watermark.get(doc) ?? { seq: 0, entries: 0 };
    const replayed = replayTo(this.store, doc, mark.seq);
    const cursor: Cursor = {
      shadow: replayed.doc,
      seq: mark.seq,
      view: readAuditView(replayed.doc),
      open: new Map(),
      refused: [],
      closed: [],
      checkpointSeq: replayed.fromSnapshot,
      nextId: mark.entries + 1,
    };
    this.cursors.set(doc, cursor);
    while (this.cursors.size > this.options.cacheSize) {
      const oldest = this.cursors.keys().next().value as string;
      this.forget(oldest);
    }
    return cursor;
  }

  private apply(doc: string, cursor: Cursor, row: UpdateRow, rejections: RejectionRow[]): void {
    const before = cursor.view;
    const rejection = row.userId === GUARD_USER ? null : takeRejection(rejections, row);
    const attempted = rejection ? this.attemptedView(doc, cursor, row) : null;
    Y.applyUpdate(cursor.shadow, row.update);
    const after = readAuditView(cursor.shadow);
    cursor.view = after;
    cursor.seq = row.seq;
    this.checkpoint(doc, cursor);

    if (row.userId === GUARD_USER) {
      // A compensation: its content is the revert of what the refused entries show.
      for (const draft of cursor.refused) {
        draft.seqTo = row.seq;
        draft.atTo = row.at;
      }
      cursor.closed.push(...cursor.refused);
      cursor.refused = [];
      return;
    }
    cursor.closed.push(...cursor.refused);
    cursor.refused = [];

    const draft = (
      change: FieldChange | null,
      kind: AuditEntryKind,
      path: string,
      ordinal: number,
    ): Draft => ({
      seqFrom: row.seq,
      seqTo: row.seq,
      atFrom: row.at,
      atTo: row.at,
      userId: row.userId,
      kind,
      path,
      change,
      reason: null,
      ordinal,
    });
    if (before.invoice.schemaVersion === 0 && after.invoice.schemaVersion > 0) {
      cursor.closed.push(draft(null, 'create', '', 0));
      return;
    }
    const changes = diffViews(before, after);
    const refusals = rejection ? parseRefusals(rejection.refusals) : [];
    const extended = new Set<string>();
    changes.forEach((change, ordinal) => {
      if (refusals.some((r) => covers(r.path, change.path))) return;
      if (!isTypingChange(change)) {
        cursor.closed.push(draft(change, kindOf(change), change.path, ordinal));
        return;
      }
      const group = cursor.open.get(change.path);
      const merged =
        group && this.extends(group, row) ? mergeChanges(group.change as FieldChange, change) : null;
      if (group && merged) {
        group.change = merged;
        group.seqTo = row.seq;
        group.atTo = row.at;
      } else {
        if (group) this.close(cursor, change.path);
        cursor.open.set(change.path, draft(change, 'edit', change.path, ordinal));
      }
      extended.add(change.path);
    });
    // The same person moved on to something else: their open groups elsewhere are done.
    if (changes.length > 0 || refusals.length > 0) {
      for (const [path, group] of cursor.open) {
        if (group.userId === row.userId && !extended.has(path)) this.close(cursor, path);
      }
    }
    const tried = refusals.length > 0 ? diffViews(before, attempted ?? after) : [];
    refusals.forEach((refusal, i) => {
      const refused = tried.filter((c) => refusals.findIndex((r) => covers(r.path, c.path)) === i);
      const base = 1000 + i * 100;
      const entries = refused.length > 0 ? refused : [null];
      entries.forEach((change, k) => {
        const entry = draft(change, 'rejected', change?.path ?? refusal.path, base + k);
        entry.reason = refusal.reason;
        cursor.refused.push(entry);
      });
    });
  }

  /**
   * What a refused row tried to do. The guard compensates once the refused transaction is done,
   * so its row holds only what its author sent; logs written before that change also carry the
   * guard's re-inserted items in the refused row. Leaving out the structs of the clients that
   * wrote the compensation shows the attempt as the person made it, in both layouts.
   */
  private attemptedView(doc: string, cursor: Cursor, row: UpdateRow): AuditView | null {
    const [next] = this.store.updatesAfter(doc, row.seq, 1);
    if (next?.userId !== GUARD_USER) return null;
    const guardClients = new Set(Y.decodeUpdate(next.update).structs.map((struct) => struct.id.client));
    if (guardClients.size === 0) return null;
    const own = Y.diffUpdate(
      row.update,
      Y.encodeStateVector(new Map([...guardClients].map((client) => [client, 0x7fffffff]))),
    );
    const probe = new Y.Doc();
    try {
      Y.applyUpdate(probe, Y.encodeStateAsUpdate(cursor.shadow));
      Y.applyUpdate(probe, own);
      return readAuditView(probe);
    } finally {
      probe.destroy();
    }
  }

  private extends(group: Draft, row: UpdateRow): boolean {
    return (
      group.userId === row.userId &&
      row.at - group.atTo <= this.options.groupGapMs &&
      row.at - group.atFrom <= this.options.groupSpanMs
    );
  }

  private close(cursor: Cursor, path: string): void {
    const group = cursor.open.get(path);
    if (!group) return;
    cursor.open.delete(path);
    cursor.closed.push(group);
  }

  /** Keeps replay bounded: a snapshot at least every `checkpointEvery` rows of projected history. */
  private checkpoint(doc: string, cursor: Cursor): void {
    if (cursor.seq - cursor.checkpointSeq < this.options.checkpointEvery) return;
    const existing = this.store.snapshotAtOrBefore(doc, cursor.seq);
    if (existing && cursor.seq - existing.seq < this.options.checkpointEvery) {
      cursor.checkpointSeq = existing.seq;
      return;
    }
    this.store.writeSnapshot(doc, cursor.seq, Y.encodeStateAsUpdate(cursor.shadow));
    cursor.checkpointSeq = cursor.seq;
  }

  /**
   * Writes, in log order, the closed entries that nothing open precedes, and moves the
   * watermark to just before the oldest open one: a rebuild from there meets the same rows.
   */
  private flush(doc: string, cursor: Cursor): number {
    const held = [...cursor.open.values(), ...cursor.refused];
    const openFrom = held.length > 0 ? Math.min(...held.map((d) => d.seqFrom)) : Number.POSITIVE_INFINITY;
    cursor.closed.sort(byPosition);
    const ready = cursor.closed.filter((d) => d.seqFrom < openFrom);
    cursor.closed = cursor.closed.filter((d) => d.seqFrom >= openFrom);
    const watermark = Number.isFinite(openFrom) ? openFrom - 1 : cursor.seq;
    this.db.transaction(() => {
      for (const entry of ready) {
        this.stmt.insertEntry.run({
          doc,
          id: cursor.nextId++,
          seqFrom: entry.seqFrom,
          seqTo: entry.seqTo,
          atFrom: entry.atFrom,
          atTo: entry.atTo,
          userId: entry.userId,
          kind: entry.kind,
          path: entry.path,
          summary: summaryOf(entry),
          reason: entry.reason,
          change: entry.change ? JSON.stringify(entry.change) : null,
        });
      }
      const previous = this.stmt.watermark.get(doc);
      if (!previous || previous.seq !== watermark || previous.entries !== cursor.nextId - 1)
        this.stmt.upsertWatermark.run(doc, watermark, cursor.nextId - 1);
    })();
    return watermark;
  }
}

export function summaryOf(entry: Pick<Draft, 'kind' | 'change' | 'path' | 'reason'>): string {
  if (entry.kind === 'create') return 'invoice created';
  const what = entry.change ? describeChange(entry.change) : `change to ${entry.path}`;
  return entry.kind === 'rejected' ? `rejected: ${what} — ${entry.reason ?? 'refused'}` : what;
}

function byPosition(a: Draft, b: Draft): number {
  return a.seqFrom - b.seqFrom || a.ordinal - b.ordinal;
}

function kindOf(change: FieldChange): AuditEntryKind {
  switch (change.type) {
    case 'lockTaken':
    case 'lockReleased':
      return 'lock';
    case 'comment':
      return 'comment';
    case 'value':
      if (change.path === 'status' || change.path === 'number' || change.path === 'kind') return 'workflow';
      return change.path === 'schemaVersion' ? 'system' : 'edit';
    default:
      return 'edit';
  }
}

/** A refusal of `refused` covers the change at `path` and everything under it. */
function covers(refused: string, path: string): boolean {
  return path === refused || path.startsWith(`${refused}.`);
}

/**
 * The guard hears a refused transaction before its row is appended (the listener runs in Yjs'
 * `afterTransaction`, the append in the `update` event after it), so the refused row is the
 * refusing user's first row after `afterSeq`.
 */
function takeRejection(rejections: RejectionRow[], row: UpdateRow): RejectionRow | null {
  const index = rejections.findIndex((r) => r.userId === row.userId && r.afterSeq < row.seq);
  if (index === -1) return null;
  const [rejection] = rejections.splice(index, 1);
  return rejection ?? null;
}

function parseRefusals(json: string): { path: string; reason: string }[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((r) =>
      typeof r?.path === 'string' && typeof r?.reason === 'string'
        ? [{ path: r.path, reason: r.reason }]
        : [],
    );
  } catch {
    return [];
  }
}
