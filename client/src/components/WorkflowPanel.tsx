import type { Invoice, MissingMention } from '@cofacture/shared';
import { useId, useState } from 'react';
import { useInvoiceActions } from '../hooks/useInvoiceActions.ts';
import { usePerformAction } from '../hooks/usePerformAction.ts';
import { invoicePath, navigate } from '../lib/router.ts';
import {
  type ActionInput,
  type AvailableAction,
  actionForm,
  actionOutcome,
  splitActions,
} from '../lib/workflowActions.ts';
import { ActionDialog } from './ActionDialog.tsx';
import { MentionSummary } from './MentionSummary.tsx';

interface WorkflowPanelProps {
  readonly invoiceId: string;
  readonly token: string;
  readonly invoice: Invoice;
  readonly missing: readonly MissingMention[];
}

/**
 * The steps that lead on from the invoice's state, for this person: buttons for what they may
 * do, the rule that stops them for the rest (as the server says), and what the other states
 * would offer, with the mandatory mentions still missing next to them.
 */
export function WorkflowPanel({ invoiceId, token, invoice, missing }: WorkflowPanelProps) {
  const { state, reload } = useInvoiceActions(invoiceId, token, invoice);
  const perform = usePerformAction(invoiceId, token);
  const [asking, setAsking] = useState<AvailableAction | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const baseId = useId();

  const run = async (action: AvailableAction, input: ActionInput) => {
    setOutcome(null);
    const result = await perform.run(action.action, input);
    if (!result) return;
    setAsking(null);
    setOutcome(actionOutcome(action.action, result));
    reload();
    if (action.action === 'credit' && result.creditNoteId) navigate(invoicePath(result.creditNoteId));
  };
  const start = (action: AvailableAction) => {
    perform.clearError();
    if (actionForm(action) === 'none') void run(action, {});
    else setAsking(action);
  };

  const ready = state.status === 'ready' && state.forStatus === invoice.status ? state : null;
  const { next, later } = ready ? splitActions(ready.actions, invoice.status) : { next: [], later: [] };
  const firstAllowed = next.find((action) => action.allowed);
  const form = asking ? actionForm(asking) : 'none';

  return (
    <section className="workflow" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`}>Next steps</h2>
      {state.status === 'error' ? (
        <p className="form-error">
          What you can do could not be loaded: {state.message}{' '}
          <button type="button" className="button-quiet" onClick={reload}>
            Try again
          </button>
        </p>
      ) : !ready ? (
        <p className="muted">Checking what you can do…</p>
      ) : next.length === 0 ? (
        <p className="muted">Nothing leads on from this state.</p>
      ) : (
        <ul className="workflow-actions">
          {next.map((action) => {
            const reasonId = `${baseId}-${action.action}-reason`;
            return (
              <li key={action.action} className={action.allowed ? undefined : 'action-blocked'}>
                <button
                  type="button"
                  className={action === firstAllowed ? 'button-primary' : 'button-quiet'}
                  data-action={action.action}
                  disabled={!action.allowed || perform.busy}
                  aria-describedby={action.allowed ? undefined : reasonId}
                  onClick={() => start(action)}
                >
                  {action.label}
                </button>
                {!action.allowed && action.reason && (
                  <span id={reasonId} className="action-reason">
                    {action.reason}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <MentionSummary missing={missing} />
      {later.length > 0 && (
        <details className="workflow-later">
          <summary>Other steps ({later.length})</summary>
          <ul>
            {later.map((action) => (
              <li key={action.action}>
                <strong>{action.label}</strong>
                {action.reason ? `: ${action.reason}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      {perform.error && !asking && (
        <p className="form-error" role="alert">
          {perform.error}
        </p>
      )}
      {outcome && (
        <p className="workflow-outcome" role="status">
          {outcome}
        </p>
      )}
      {asking && form !== 'none' && (
        <ActionDialog
          label={asking.label}
          form={form}
          busy={perform.busy}
          error={perform.error}
          onConfirm={(input) => void run(asking, input)}
          onCancel={() => {
            perform.clearError();
            setAsking(null);
          }}
        />
      )}
    </section>
  );
}
