import type { ActionResult, AvailableAction, InvoiceStatus, WorkflowAction } from '@cofacture/shared';
import { TRANSITIONS } from '@cofacture/shared';
import { STATUS_LABELS } from './format.ts';

export type { ActionInput, ActionResult, AvailableAction, QueueItem } from '@cofacture/shared';

/**
 * The actions that lead on from the current state (the shared transitions table says which),
 * allowed or not, and the rest, which belong to other states.
 */
export function splitActions(
  actions: readonly AvailableAction[],
  status: InvoiceStatus,
): { next: AvailableAction[]; later: AvailableAction[] } {
  const next: AvailableAction[] = [];
  const later: AvailableAction[] = [];
  for (const action of actions)
    (TRANSITIONS[action.action].from.includes(status) ? next : later).push(action);
  return { next, later };
}

/** What the person is asked before the action is sent. */
export type ActionForm = 'reason' | 'payment' | 'confirm' | 'none';

export function actionForm(action: Pick<AvailableAction, 'action' | 'needsReason'>): ActionForm {
  if (action.action === 'mark-paid') return 'payment';
  if (action.needsReason) return 'reason';
  // Issuing numbers and freezes the invoice for good.
  if (action.action === 'issue') return 'confirm';
  return 'none';
}

export const PAYMENT_METHODS: Readonly<Record<string, string>> = {
  transfer: 'Bank transfer',
  card: 'Card',
  direct_debit: 'Direct debit',
  cheque: 'Cheque',
  cash: 'Cash',
};

/** What happened, in a sentence, after the server accepted an action. */
export function actionOutcome(action: WorkflowAction, result: ActionResult): string {
  const needed = result.approvalsNeeded ?? 0;
  if (action === 'approve' && needed > 0)
    return `Your approval is recorded; ${needed} more ${needed === 1 ? 'approval is' : 'approvals are'} needed.`;
  if (action === 'issue' && result.invoice.number) return `Issued as ${result.invoice.number}.`;
  if (action === 'credit') return 'Credit note created.';
  return `Done: the invoice is now ${STATUS_LABELS[result.invoice.status].toLowerCase()}.`;
}

/** Today as `YYYY-MM-DD` in the person's time zone (the default payment date). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
