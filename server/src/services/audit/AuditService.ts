import { setImmediate as nextTick } from 'node:timers/promises';
import { docName } from '@cofacture/shared';
import {
  type AuditEntry,
  type AuditEntryKind,
  type ChainVerification,
  type DiffResponse,
  describeChange,
  diffViews,
  type FieldChange,
  type HistoryResponse,
  type OrgVerifyResponse,
  readAuditView,
  type StateResponse,
} from '@cofacture/shared/audit/index.ts';
import type { Db } from '../../db/openDatabase.ts';
import { GUARD_USER } from '../../extensions/context.ts';
import { SYSTEM_USER } from '../../extensions/persistence/PersistenceExtension.ts';
import type { DocStore, UpdateRow } from '../../store/DocStore.ts';
import { AppError } from '../errors.ts';
import { ChainCheck } from './chainCheck.ts';
import {
  DEFAULT_PROJECTOR_OPTIONS,
  type Draft,
  Projector,
  type ProjectorOptions,
  type ProjectResult,
  summaryOf,
} from './Projector.ts';
import { type EntryRow, SQL } from './queries.ts';
import { replayTo } from './replay.ts';

export interface HistoryQuery {
  /** Entry id to continue after (in the chosen order). */
  after?: number;
  limit: number;
  order: 'asc' | 'desc';
  user?: string;
  /** A field path; matches it and everything under it (`lines.<id>` covers its fields). */
  path?: string;
  kinds?: AuditEntryKind[];
  /** Milliseconds since the epoch: entries overlapping [from, to]. */
  from?: number;
  to?: number;
}

const VERIFY_PAGE = 2000;
const CATCH_UP_SLICE = 100;
const EXPORT_PAGE = 1000;

/**
 * The audit side of the server (DESIGN §5): the change log projected from the update log,
 * state at any seq, diffs, chain verification and export. Invoice ids are checked for access
 * by the caller (the HTTP routes); this service only reads and projects.
 */
export class AuditService {
  readonly projector: Projector;
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly store: DocStore,
    options: Partial<ProjectorOptions> = {},
  ) {
    this.projector = new Projector(db, store, { ...DEFAULT_PROJECTOR_OPTIONS, ...options });
    this.stmt = {
      insertRejection: db.prepare(SQL.insertRejection),
      watermark: db.prepare<[string], { seq: number }>(SQL.watermark),
      maxSnapshotSeq: db.prepare<[string], { seq: number | null }>(SQL.maxSnapshotSeq),
      orgInvoices: db.prepare<[string], { id: string }>(SQL.orgInvoices),
      userName: db.prepare<[string], { name: string }>(SQL.userName),
    };
  }

  /**
   * The guard's refusal of one transaction, heard before the refused row is appended (see
   * `Projector`'s `takeRejection`): one small INSERT, only when something was refused.
   */
  recordRejection(doc: string, userId: string, refusals: readonly { path: string; reason: string }[]): void {
    const refused = refusals.map(({ path, reason }) => ({ path, reason }));
    this.stmt.insertRejection.run(doc, this.store.lastSeq(doc), Date.now(), userId, JSON.stringify(refused));
  }

  /**
   * Projects whatever the log has beyond the watermark, a slice per turn of the event loop: a
   * long backlog (history written before the audit log existed) never stalls other requests.
   */
  async catchUp(doc: string): Promise<ProjectResult> {
    for (;;) {
      const result = this.projector.project(doc, { maxRows: CATCH_UP_SLICE });
      if (result.caughtUp) return result;
      await nextTick();
    }
  }

  async history(invoiceId: string, query: HistoryQuery): Promise<HistoryResponse> {
    const doc = docName(invoiceId);
    const { pending } = await this.catchUp(doc);
    const where = ['e.doc = ?'];
    const params: (string | number)[] = [doc];
    if (query.after !== undefined) {
      where.push(query.order === 'asc' ? 'e.id > ?' : 'e.id < ?');
      params.push(query.after);
    }
    if (query.user) {
      where.push('e.user_id = ?');
      params.push(query.user);
    }
    if (query.kinds && query.kinds.length > 0) {
      where.push(`e.kind IN (${query.kinds.map(() => '?').join(', ')})`);
      params.push(...query.kinds);
    }
    if (query.path) {
      // LIKE with escaped wildcards: `_` is common in line ids.
      where.push("(e.path = ? OR e.path LIKE ? ESCAPE '\\')");
      params.push(query.path, `${query.path.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`);
    }
    if (query.from !== undefined) {
      where.push('e.at_to >= ?');
      params.push(query.from);
    }
    if (query.to !== undefined) {
      where.push('e.at_from <= ?');
      params.push(query.to);
    }
    params.push(query.limit + 1);
    const rows = this.db
      .prepare<(string | number)[], EntryRow>(
        `${SQL.entriesSelect} WHERE ${where.join(' AND ')} ORDER BY e.id ${query.order === 'asc' ? 'ASC' : 'DESC'} LIMIT ?`,
      )
      .all(...params);
    const more = rows.length > query.limit;
    const entries = rows.slice(0, query.limit).map(fromRow);
    const showPending = query.order === 'asc' ? !more : query.after === undefined;
    const names = new Map<string, string>();
    const open = showPending
      ? pending.map((d) => this.fromDraft(d, names)).filter((e) => matches(e, query))
      : [];
    return {
      invoiceId,
      head: this.store.lastSeq(doc),
      entries,
      next: more ? (entries[entries.length - 1]?.id ?? null) : null,
      pending: query.order === 'asc' ? open : open.reverse(),
    };
  }

  state(invoiceId: string, seq?: number): StateResponse {
    const doc = docName(invoiceId);
    const head = this.store.lastSeq(doc);
    const at = this.checkSeq(doc, seq ?? head, head);
    const replayed = replayTo(this.store, doc, at);
    try {
      return { invoiceId, seq: at, at: this.timeOf(doc, at), head, ...readAuditView(replayed.doc) };
    } finally {
      replayed.doc.destroy();
    }
  }

  diff(invoiceId: string, from: number, to?: number): DiffResponse {
    const doc = docName(invoiceId);
    const head = this.store.lastSeq(doc);
    const [a, b] = [this.checkSeq(doc, from, head), this.checkSeq(doc, to ?? head, head)];
    const before = replayTo(this.store, doc, a);
    const after = replayTo(this.store, doc, b);
    try {
      const changes = diffViews(readAuditView(before.doc), readAuditView(after.doc));
      return {
        invoiceId,
        from: a,
        to: b,
        changes: changes.map((change) => ({ summary: describeChange(change), change })),
      };
    } finally {
      before.doc.destroy();
      after.doc.destroy();
    }
  }

  /** Pages through the log, yielding between pages so a long chain never stalls the server. */
  async verify(invoiceId: string): Promise<ChainVerification> {
    const doc = docName(invoiceId);
    const check = new ChainCheck(doc);
    for (let after = 0; ; ) {
      const page = this.store.updatesAfter(doc, after, VERIFY_PAGE);
      for (const row of page) {
        check.push(row);
        if (check.broken) break;
      }
      if (check.broken || page.length < VERIFY_PAGE) break;
      after = (page[page.length - 1] as UpdateRow).seq;
      await nextTick();
    }
    const known = Math.max(
      this.stmt.maxSnapshotSeq.get(doc)?.seq ?? 0,
      this.stmt.watermark.get(doc)?.seq ?? 0,
    );
    return check.finish(known);
  }

  async verifyOrg(orgId: string): Promise<OrgVerifyResponse> {
    const results: ChainVerification[] = [];
    for (const { id } of this.stmt.orgInvoices.all(orgId)) results.push(await this.verify(id));
    return {
      ok: results.every((r) => r.ok),
      orgId,
      documents: results.length,
      checked: results.reduce((sum, r) => sum + r.checked, 0),
      results,
    };
  }

  /** Every log row of the invoice, page by page (for export). */
  *chainRows(invoiceId: string): Generator<UpdateRow> {
    const doc = docName(invoiceId);
    for (let after = 0; ; ) {
      const page = this.store.updatesAfter(doc, after, EXPORT_PAGE);
      yield* page;
      if (page.length < EXPORT_PAGE) return;
      after = (page[page.length - 1] as UpdateRow).seq;
    }
  }

  /** Every final entry, then the pending ones (for export). */
  async *entries(invoiceId: string): AsyncGenerator<AuditEntry> {
    const query: HistoryQuery = { limit: EXPORT_PAGE, order: 'asc' };
    for (;;) {
      const page = await this.history(invoiceId, query);
      yield* page.entries;
      if (page.next === null) {
        yield* page.pending;
        return;
      }
      query.after = page.next;
    }
  }

  userName(userId: string, cache = new Map<string, string>()): string {
    let name = cache.get(userId);
    if (name === undefined) {
      name = this.stmt.userName.get(userId)?.name ?? fallbackName(userId);
      cache.set(userId, name);
    }
    return name;
  }

  private fromDraft(draft: Draft, names: Map<string, string>): AuditEntry {
    return {
      id: null,
      final: false,
      seqFrom: draft.seqFrom,
      seqTo: draft.seqTo,
      atFrom: new Date(draft.atFrom).toISOString(),
      atTo: new Date(draft.atTo).toISOString(),
      userId: draft.userId,
      userName: this.userName(draft.userId, names),
      kind: draft.kind,
      path: draft.path,
      summary: summaryOf(draft),
      reason: draft.reason,
      change: draft.change,
    };
  }

  private checkSeq(doc: string, seq: number, head: number): number {
    if (!Number.isInteger(seq) || seq < 0 || seq > head) {
      throw new AppError('bad_request', `No seq ${seq} in ${doc}: its log runs from 0 (empty) to ${head}.`);
    }
    return seq;
  }

  private timeOf(doc: string, seq: number): string | null {
    if (seq === 0) return null;
    const [row] = this.store.updates(doc, seq - 1, seq);
    return row ? new Date(row.at).toISOString() : null;
  }
}

function fallbackName(userId: string): string {
  if (userId === GUARD_USER) return 'Guard (server)';
  if (userId === SYSTEM_USER) return 'System (server)';
  return userId;
}

function fromRow(row: EntryRow): AuditEntry {
  return {
    id: row.id,
    final: true,
    seqFrom: row.seqFrom,
    seqTo: row.seqTo,
    atFrom: new Date(row.atFrom).toISOString(),
    atTo: new Date(row.atTo).toISOString(),
    userId: row.userId,
    userName: row.userName ?? fallbackName(row.userId),
    kind: row.kind as AuditEntryKind,
    path: row.path,
    summary: row.summary,
    reason: row.reason,
    change: row.change ? (JSON.parse(row.change) as FieldChange) : null,
  };
}

function matches(entry: AuditEntry, query: HistoryQuery): boolean {
  if (query.user && entry.userId !== query.user) return false;
  if (query.kinds && query.kinds.length > 0 && !query.kinds.includes(entry.kind)) return false;
  if (query.path && entry.path !== query.path && !entry.path.startsWith(`${query.path}.`)) return false;
  if (query.from !== undefined && Date.parse(entry.atTo) < query.from) return false;
  if (query.to !== undefined && Date.parse(entry.atFrom) > query.to) return false;
  return true;
}
