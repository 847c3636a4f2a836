import { EventEmitter } from 'node:events';
import {
  type ActionDecision,
  type ActionInput,
  type ActionResult,
  type ApprovalLevel,
  ApprovalLevels,
  type AvailableAction,
  addThread,
  computeTotals,
  DEFAULT_APPROVAL_LEVELS,
  decideAction,
  docName,
  type InvoiceInit,
  type InvoiceKind,
  type InvoiceStatus,
  type InvoiceSummary,
  isInvoiceKind,
  isInvoiceStatus,
  missingMentions,
  negateDecimal,
  type Role,
  readInvoice,
  serverOrigin,
  setServerFields,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
} from '@cofacture/shared';
import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { Db } from '../../db/openDatabase.ts';
import type { DocStore } from '../../store/DocStore.ts';
import { AppError } from '../errors.ts';
import type { InvoiceEvents } from '../InvoiceEvents.ts';
import type { InvoiceIndex } from '../InvoiceIndex.ts';
import type { InvoiceService } from '../InvoiceService.ts';
import { DEFAULT_NUMBER_FORMAT, formatNumber, isValidNumberFormat, seriesOf } from './numbering.ts';
import { type EventRow, type InvoiceRow, SQL } from './queries.ts';
import { roundFacts } from './roundFacts.ts';

export interface OrgSettings {
  approvalLevels: ApprovalLevel[];
  numberFormat: string;
}

export type { ActionInput, ActionResult, AvailableAction };

/** Announced after every performed action (notifications, webhooks listen). */
export interface PerformedAction {
  invoice: InvoiceSummary;
  action: WorkflowAction;
  actor: WorkflowActor;
  fromStatus: InvoiceStatus;
  reason?: string;
  creditNoteId?: string;
}

export interface WorkflowActor {
  userId: string;
  name: string;
  roles: Role[];
}

/** Every workflow transition (DESIGN §2): decided on SQL facts inside one transaction, then mirrored into the document. */
export class WorkflowService {
  private hocuspocus: Hocuspocus | null = null;
  private readonly emitter = new EventEmitter();
  private readonly lastEditors = new Map<string, string>();
  /** Last editors not written to SQL yet (see `noteContentEdit`). */
  private readonly unwrittenEditors = new Map<string, string>();
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly store: DocStore,
    private readonly index: InvoiceIndex,
    private readonly invoices: InvoiceService,
    private readonly events: InvoiceEvents,
  ) {
    this.stmt = {
      settings: db.prepare<[string], { approvalLevels: string; numberFormat: string }>(SQL.settings),
      upsertSettings: db.prepare(SQL.upsertSettings),
      row: db.prepare<[string], InvoiceRow>(SQL.row),
      events: db.prepare<[string], EventRow>(SQL.events),
      insertEvent: db.prepare(SQL.insertEvent),
      setState: db.prepare(SQL.setState),
      series: db.prepare<[string, string], { last: number }>(SQL.series),
      bumpSeries: db.prepare(SQL.bumpSeries),
      setLastEditor: db.prepare(SQL.setLastEditor),
      setCreditOf: db.prepare(SQL.setCreditOf),
    };
  }

  onPerformed(listener: (event: PerformedAction) => void): () => void {
    this.emitter.on('performed', listener);
    return () => this.emitter.off('performed', listener);
  }

  /** Every action with whether this user may take it now, and if not, why. */
  async available(invoiceId: string, actor: WorkflowActor): Promise<AvailableAction[]> {
    const connection = await this.docs().openDirectConnection(docName(invoiceId), { workflow: true });
    try {
      const row = this.row(invoiceId);
      if (!row) throw new AppError('not_found', `No invoice ${invoiceId}.`);
      const facts = this.facts(row, connection.document as Y.Doc);
      const levels = this.settings(row.orgId).approvalLevels;
      return WORKFLOW_ACTIONS.map((action) => {
        const t = TRANSITIONS[action];
        // The reason is asked when the action is taken; do not refuse for its absence here.
        const decision = decideAction(action, facts, actor, levels, t.needsReason ? 'reason' : undefined);
        return decision.ok
          ? { action, label: t.label, allowed: true, needsReason: t.needsReason === true }
          : {
              action,
              label: t.label,
              allowed: false,
              reason: decision.reason,
              needsReason: t.needsReason === true,
            };
      });
    } finally {
      await connection.disconnect();
    }
  }

  /** The collaboration server, where documents are read and written; set once it exists. */
  attach(hocuspocus: Hocuspocus): void {
    this.hocuspocus = hocuspocus;
  }

  settings(orgId: string): OrgSettings {
    const row = this.stmt.settings.get(orgId);
    if (!row) return { approvalLevels: DEFAULT_APPROVAL_LEVELS, numberFormat: DEFAULT_NUMBER_FORMAT };
    return {
      approvalLevels: JSON.parse(row.approvalLevels) as ApprovalLevel[],
      numberFormat: row.numberFormat,
    };
  }

  updateSettings(orgId: string, input: { approvalLevels?: unknown; numberFormat?: string }): OrgSettings {
    const current = this.settings(orgId);
    let approvalLevels = current.approvalLevels;
    if (input.approvalLevels !== undefined) {
      const parsed = ApprovalLevels.safeParse(input.approvalLevels);
      if (!parsed.success) {
        const problem = parsed.error.issues
          .map((i) => `${i.path.join('.') || 'levels'}: ${i.message}`)
          .join('; ');
        throw new AppError('bad_request', `Invalid approval levels: ${problem}.`);
      }
      approvalLevels = parsed.data;
    }
    const numberFormat = input.numberFormat ?? current.numberFormat;
    if (!isValidNumberFormat(numberFormat)) {
      throw new AppError(
        'bad_request',
        'The number format needs exactly one counter like {SEQ:6}, optionally {YYYY} or {YY}.',
      );
    }
    this.stmt.upsertSettings.run({ orgId, approvalLevels: JSON.stringify(approvalLevels), numberFormat });
    return { approvalLevels, numberFormat };
  }

  /**
   * Called for every accepted content edit, just before its update is appended. Two people
   * taking turns on one invoice change the last editor at every keystroke: the write rides in
   * the commit of that update's row (four-eyes then never trusts an editor the log does not
   * hold, nor misses one it does), and every read of the row writes first.
   */
  noteContentEdit(invoiceId: string, userId: string): void {
    if (this.lastEditors.get(invoiceId) === userId) return;
    this.lastEditors.set(invoiceId, userId);
    this.unwrittenEditors.set(invoiceId, userId);
    this.store.withNextAppend(this.writeLastEditors);
  }

  private readonly writeLastEditors = (): void => {
    if (this.unwrittenEditors.size === 0 || !this.db.open) return;
    const edits = [...this.unwrittenEditors];
    this.unwrittenEditors.clear();
    for (const [invoiceId, userId] of edits) this.stmt.setLastEditor.run(userId, invoiceId);
  };

  /** The invoice's row, with every edit noted so far: four-eyes decides on its last editor. */
  private row(invoiceId: string): InvoiceRow | undefined {
    this.writeLastEditors();
    return this.stmt.row.get(invoiceId);
  }

  /** Workflow facts for one invoice and its live document, as the rules see them. */
  facts(row: InvoiceRow, doc: Y.Doc) {
    const invoice = readInvoice(doc);
    const round = roundFacts(this.stmt.events.all(row.id), row.createdBy);
    return {
      status: (isInvoiceStatus(row.status) ? row.status : 'draft') as InvoiceStatus,
      kind: (isInvoiceKind(row.kind) ? row.kind : 'invoice') as InvoiceKind,
      total: computeTotals(invoice.lines).grossTotal,
      lastEditorId: row.lastEditorId,
      missing: missingMentions(invoice).map((m) => m.message),
      ...round,
    };
  }

  async perform(
    invoiceId: string,
    action: WorkflowAction,
    actor: WorkflowActor,
    input: ActionInput,
  ): Promise<ActionResult> {
    const connection = await this.docs().openDirectConnection(docName(invoiceId), { workflow: true });
    try {
      const doc = connection.document as Y.Doc;
      // Synchronous from here to the commit: two concurrent requests (two approvers, twenty
      // issues) are decided one after the other, each on the facts the previous one left.
      const outcome = this.db.transaction(() => this.decideAndRecord(invoiceId, action, actor, input, doc))();
      await connection.transact((document) => {
        const origin = serverOrigin('workflow', actor.userId);
        setServerFields(document, { status: outcome.to, number: outcome.number ?? undefined }, origin);
        if (input.reason && (action === 'request-changes' || action === 'reject')) {
          addThread(
            document,
            {
              anchor: { type: 'invoice' },
              author: { id: actor.userId, name: actor.name },
              text: input.reason,
              origin: action,
            },
            origin,
          );
        }
      });
      const creditNoteId = action === 'credit' ? this.createCreditNote(invoiceId, actor, doc) : undefined;
      const summary = this.index.get(invoiceId) as InvoiceSummary;
      this.events.emit(summary);
      this.emitter.emit('performed', {
        invoice: summary,
        action,
        actor,
        fromStatus: outcome.from,
        reason: input.reason,
        creditNoteId,
      } satisfies PerformedAction);
      return { invoice: summary, approvalsNeeded: outcome.decision.approvalsNeeded, creditNoteId };
    } finally {
      await connection.disconnect();
    }
  }

  private decideAndRecord(
    invoiceId: string,
    action: WorkflowAction,
    actor: WorkflowActor,
    input: ActionInput,
    doc: Y.Doc,
  ) {
    const row = this.row(invoiceId);
    if (!row) throw new AppError('not_found', `No invoice ${invoiceId}.`);
    const facts = this.facts(row, doc);
    const decision = decideAction(
      action,
      facts,
      actor,
      this.settings(row.orgId).approvalLevels,
      input.reason,
    );
    if (!decision.ok) throw new AppError(decision.code, decision.reason);
    const to = action === 'credit' ? facts.status : decision.to;
    const number = action === 'issue' ? this.nextNumber(row) : null;
    const at = new Date().toISOString();
    const meta =
      action === 'mark-paid' ? { paymentDate: input.paymentDate, paymentMethod: input.paymentMethod } : {};
    this.stmt.insertEvent.run({
      invoiceId,
      at,
      userId: actor.userId,
      action,
      fromStatus: facts.status,
      toStatus: to,
      reason: input.reason ?? null,
      meta: JSON.stringify(number ? { ...meta, number } : meta),
    });
    this.stmt.setState.run({ id: invoiceId, status: to, number, at });
    return { to, from: facts.status, number, decision: decision as Extract<ActionDecision, { ok: true }> };
  }

  /** Inside the issuing transaction: a failed issue rolls the counter back with it. */
  private nextNumber(row: InvoiceRow): string {
    const { numberFormat } = this.settings(row.orgId);
    const series = seriesOf(numberFormat, row.issueDate);
    this.stmt.bumpSeries.run(row.orgId, series);
    const counter = this.stmt.series.get(row.orgId, series)?.last ?? 1;
    return formatNumber(numberFormat, row.issueDate, counter);
  }

  private createCreditNote(originalId: string, actor: WorkflowActor, original: Y.Doc): string {
    const source = readInvoice(original);
    const row = this.row(originalId) as InvoiceRow;
    const reference = `Avoir sur la facture ${source.number ?? originalId} du ${source.issueDate || '—'}.`;
    const today = new Date().toISOString().slice(0, 10);
    const init: InvoiceInit = {
      kind: 'credit_note',
      // Dated today and due at once; the preparer can change both before submitting.
      issueDate: today,
      dueDate: today,
      currency: source.currency,
      seller: source.seller,
      buyer: source.buyer,
      terms: source.terms,
      notes: source.notes ? `${reference}\n${source.notes}` : reference,
      lines: source.lines.map((l) => ({
        description: l.description,
        quantity: l.quantity ? negateDecimal(l.quantity) : '',
        unitPrice: l.unitPrice,
        vatRate: l.vatRate,
      })),
    };
    const created = this.invoices.create(row.orgId, actor.userId, init);
    this.stmt.setCreditOf.run(originalId, created.id);
    return created.id;
  }

  private docs(): Hocuspocus {
    if (!this.hocuspocus) throw new AppError('internal', 'The collaboration server is not running.');
    return this.hocuspocus;
  }
}
