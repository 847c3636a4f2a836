import {
  decideAction,
  type InvoiceStatus,
  type InvoiceSummary,
  type Membership,
  type QueueItem,
  TRANSITIONS,
  type WorkflowAction,
  type WorkflowFacts,
} from '@cofacture/shared';
import type { Db } from '../../db/openDatabase.ts';
import type { EventRow } from '../workflow/queries.ts';
import { roundFacts } from '../workflow/roundFacts.ts';
import type { WorkflowService } from '../workflow/WorkflowService.ts';

/** The step each waiting state leads to; other states wait for nobody. */
const NEXT_STEP: Partial<Record<InvoiceStatus, WorkflowAction>> = {
  draft: 'submit',
  changes_requested: 'submit',
  in_review: 'verify',
  verified: 'approve',
  approved: 'issue',
};
const WAITING = JSON.stringify(Object.keys(NEXT_STEP));

// Organisation ids and states come in as JSON arrays, so each statement is prepared once.
const SQL = {
  invoices: `SELECT id, org_id AS orgId, status, kind, number, buyer_name AS buyerName, currency,
    net_total AS netTotal, gross_total AS grossTotal, issue_date AS issueDate, due_date AS dueDate,
    created_at AS createdAt, updated_at AS updatedAt, created_by AS createdBy, last_editor_id AS lastEditorId
    FROM invoices WHERE org_id IN (SELECT value FROM json_each(?)) AND status IN (SELECT value FROM json_each(?))
    ORDER BY updated_at, id`,
  events: `SELECT e.invoice_id AS invoiceId, e.id, e.user_id AS userId, e.action, e.at
    FROM invoice_events e JOIN invoices i ON i.id = e.invoice_id
    WHERE i.org_id IN (SELECT value FROM json_each(?)) AND i.status IN (SELECT value FROM json_each(?))
    ORDER BY e.invoice_id, e.id`,
} as const;

type Row = InvoiceSummary & { createdBy: string; lastEditorId: string | null };

/**
 * "My queue": invoices of the caller's organisations whose next step this user may take now,
 * decided by the same `decideAction` as the workflow, on SQL facts only (two queries for the
 * whole queue, no document loaded). Mandatory mentions are not checked here: a draft still
 * missing one is waiting for its preparer all the more.
 */
export class QueueService {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly workflow: WorkflowService,
  ) {
    this.stmt = {
      invoices: db.prepare<[string, string], Row>(SQL.invoices),
      events: db.prepare<[string, string], EventRow & { invoiceId: string }>(SQL.events),
    };
  }

  forUser(userId: string, orgs: readonly Membership[]): QueueItem[] {
    const acting = orgs.filter((m) => m.roles.some((r) => r !== 'viewer' && r !== 'auditor'));
    if (acting.length === 0) return [];
    const orgIds = JSON.stringify(acting.map((m) => m.orgId));
    const events = new Map<string, EventRow[]>();
    for (const { invoiceId, ...event } of this.stmt.events.all(orgIds, WAITING)) {
      const list = events.get(invoiceId);
      if (list) list.push(event);
      else events.set(invoiceId, [event]);
    }
    const rolesOf = new Map(acting.map((m) => [m.orgId, m.roles]));
    const levelsOf = new Map(acting.map((m) => [m.orgId, this.workflow.settings(m.orgId).approvalLevels]));
    const items: QueueItem[] = [];
    for (const { createdBy, lastEditorId, ...invoice } of this.stmt.invoices.all(orgIds, WAITING)) {
      const action = NEXT_STEP[invoice.status];
      if (!action) continue;
      const facts: WorkflowFacts = {
        status: invoice.status,
        kind: invoice.kind,
        total: invoice.grossTotal,
        lastEditorId,
        missing: [],
        ...roundFacts(events.get(invoice.id) ?? [], createdBy),
      };
      // Anyone with the role may submit; the queue shows a draft only to its own preparer.
      if (action === 'submit' && facts.preparerId !== userId) continue;
      const actor = { userId, roles: rolesOf.get(invoice.orgId) ?? [] };
      if (decideAction(action, facts, actor, levelsOf.get(invoice.orgId) ?? []).ok)
        items.push({ invoice, action, label: TRANSITIONS[action].label });
    }
    return items;
  }
}
