import { compareDecimal } from './money/index.ts';
import type { Role } from './roles.ts';
import type { InvoiceKind, InvoiceStatus } from './workflow.ts';

/** Workflow actions (DESIGN §2, contract): `POST /api/invoices/:id/actions/:action`. */
export const WORKFLOW_ACTIONS = [
  'submit',
  'verify',
  'request-changes',
  'approve',
  'reject',
  'issue',
  'mark-paid',
  'credit',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}

interface Transition {
  from: readonly InvoiceStatus[];
  /** Where the invoice goes; `approve` may stay in `verified` until enough approvals. */
  to: InvoiceStatus;
  roles: readonly Role[];
  needsReason?: boolean;
  label: string;
}

export const TRANSITIONS: Readonly<Record<WorkflowAction, Transition>> = {
  submit: {
    from: ['draft', 'changes_requested'],
    to: 'in_review',
    roles: ['preparer', 'admin'],
    label: 'Submit for review',
  },
  verify: { from: ['in_review'], to: 'verified', roles: ['verifier', 'admin'], label: 'Verify' },
  'request-changes': {
    from: ['in_review'],
    to: 'changes_requested',
    roles: ['verifier', 'admin'],
    needsReason: true,
    label: 'Request changes',
  },
  approve: { from: ['verified'], to: 'approved', roles: ['approver'], label: 'Approve' },
  reject: {
    from: ['verified'],
    to: 'changes_requested',
    roles: ['approver'],
    needsReason: true,
    label: 'Reject',
  },
  issue: { from: ['approved'], to: 'issued', roles: ['approver', 'admin'], label: 'Issue' },
  'mark-paid': { from: ['issued'], to: 'paid', roles: ['approver', 'admin'], label: 'Mark as paid' },
  credit: {
    from: ['issued', 'paid'],
    to: 'draft',
    roles: ['preparer', 'admin'],
    label: 'Create credit note',
  },
};

/** Org setting (DESIGN §1, contract JSON): how many distinct approvers an invoice needs. */
export interface ApprovalLevel {
  /** The total (with VAT) must exceed this decimal amount. */
  above: string;
  approvals: number;
  /** Roles whose approvals count at this level (default: approver). */
  roles?: Role[];
  kind?: InvoiceKind;
}

export const DEFAULT_APPROVAL_LEVELS: ApprovalLevel[] = [
  { above: '0', approvals: 1 },
  { above: '10000.00', approvals: 2, roles: ['approver'] },
];

/**
 * The level that applies to an invoice: among the rules for its kind (or for every kind)
 * whose threshold its total exceeds, the one asking for the most approvals. Totals at or
 * below every threshold (e.g. a credit note's negative total) take the lowest rule.
 */
export function requiredApproval(
  levels: readonly ApprovalLevel[],
  total: string,
  kind: InvoiceKind,
): ApprovalLevel {
  const applicable = levels.filter((l) => l.kind === undefined || l.kind === kind);
  const pool = applicable.length > 0 ? applicable : levels;
  const exceeded = pool.filter((l) => compareDecimal(total, l.above) > 0);
  const candidates = exceeded.length > 0 ? exceeded : [lowest(pool)];
  return candidates.reduce((best, l) => (l.approvals > best.approvals ? l : best));
}

function lowest(levels: readonly ApprovalLevel[]): ApprovalLevel {
  return levels.reduce((low, l) => (compareDecimal(l.above, low.above) < 0 ? l : low));
}

export interface WorkflowFacts {
  status: InvoiceStatus;
  kind: InvoiceKind;
  /** Total with VAT, the amount approval levels compare against. */
  total: string;
  /** Who submitted the invoice for the current review round (the preparer). */
  preparerId: string | null;
  /** Who verified it in the current round. */
  verifierId: string | null;
  /** Who last changed its content. */
  lastEditorId: string | null;
  /** Distinct approvers so far in the current round. */
  approvals: readonly string[];
  /** Mandatory mentions still missing (checked before submit and issue). */
  missing: readonly string[];
}

export interface Actor {
  userId: string;
  roles: readonly Role[];
}

export type ActionDecision =
  | { ok: true; to: InvoiceStatus; approvalsNeeded?: number }
  | { ok: false; code: 'forbidden' | 'conflict' | 'rule_violation'; reason: string };

const STATE_WORDS: Record<InvoiceStatus, string> = {
  draft: 'a draft',
  in_review: 'in review',
  changes_requested: 'waiting for changes',
  verified: 'verified',
  approved: 'approved',
  issued: 'issued',
  paid: 'paid',
};

/**
 * Whether `actor` may perform `action` now, and where it leads. Every refusal names the rule
 * that stopped it, in words a person can act on. Pure: the server evaluates it inside the
 * transaction that applies the action, the client to show what is possible.
 */
export function decideAction(
  action: WorkflowAction,
  facts: WorkflowFacts,
  actor: Actor,
  levels: readonly ApprovalLevel[],
  reason?: string,
): ActionDecision {
  const t = TRANSITIONS[action];
  if (!t.from.includes(facts.status)) {
    return {
      ok: false,
      code: 'conflict',
      reason: `${t.label} is not possible while the invoice is ${STATE_WORDS[facts.status]}.`,
    };
  }
  if (!actor.roles.some((r) => t.roles.includes(r))) {
    return { ok: false, code: 'forbidden', reason: `${t.label} needs the role ${t.roles.join(' or ')}.` };
  }
  if (t.needsReason && !(reason && reason.trim().length > 0)) {
    return {
      ok: false,
      code: 'rule_violation',
      reason: `${t.label} needs a reason, so the preparer knows what to fix.`,
    };
  }
  switch (action) {
    case 'submit':
    case 'issue':
      if (facts.missing.length > 0) {
        return {
          ok: false,
          code: 'rule_violation',
          reason: `Mandatory mentions are missing: ${facts.missing.join('; ')}.`,
        };
      }
      return { ok: true, to: t.to };
    case 'verify':
      if (facts.lastEditorId === actor.userId) {
        return {
          ok: false,
          code: 'rule_violation',
          reason: 'Four-eyes rule: you made the last change to this invoice, so someone else must verify it.',
        };
      }
      return { ok: true, to: t.to };
    case 'approve': {
      if (actor.userId === facts.preparerId) {
        return {
          ok: false,
          code: 'rule_violation',
          reason: 'Four-eyes rule: you prepared this invoice, so you cannot approve it.',
        };
      }
      if (actor.userId === facts.verifierId) {
        return {
          ok: false,
          code: 'rule_violation',
          reason: 'Four-eyes rule: you verified this invoice, so you cannot also approve it.',
        };
      }
      if (facts.approvals.includes(actor.userId)) {
        return {
          ok: false,
          code: 'conflict',
          reason: 'You already approved this invoice; another approver must add the next approval.',
        };
      }
      const level = requiredApproval(levels, facts.total, facts.kind);
      const counting = level.roles ?? ['approver'];
      if (!actor.roles.some((r) => counting.includes(r))) {
        return {
          ok: false,
          code: 'forbidden',
          reason: `Above ${level.above}, approvals must come from: ${counting.join(', ')}.`,
        };
      }
      const count = facts.approvals.length + 1;
      return count >= level.approvals
        ? { ok: true, to: 'approved', approvalsNeeded: 0 }
        : { ok: true, to: 'verified', approvalsNeeded: level.approvals - count };
    }
    case 'request-changes':
    case 'reject':
    case 'mark-paid':
    case 'credit':
      return { ok: true, to: t.to };
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}
