import { type FormEvent, useEffect, useId, useRef } from 'react';
import { type ActionForm, type ActionInput, localToday, PAYMENT_METHODS } from '../lib/workflowActions.ts';

interface ActionDialogProps {
  readonly label: string;
  readonly form: Exclude<ActionForm, 'none'>;
  readonly busy: boolean;
  readonly error: string | null;
  onConfirm(input: ActionInput): void;
  onCancel(): void;
}

/**
 * Asks what an action needs before it is sent: a reason (request changes, reject), the payment
 * (mark as paid), or a confirmation (issue). A modal `<dialog>`: focus stays inside, Escape cancels.
 */
export function ActionDialog({ label, form, busy, error, onConfirm, onCancel }: ActionDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const errorId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    if (form === 'reason') onConfirm({ reason: text('reason') });
    else if (form === 'payment')
      onConfirm({ paymentDate: text('paymentDate'), paymentMethod: text('paymentMethod') });
    else onConfirm({});
  };

  return (
    <dialog
      ref={ref}
      className="action-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form method="dialog" onSubmit={submit} aria-describedby={error ? errorId : undefined}>
        <h2 id={titleId}>{label}</h2>
        {form === 'reason' && (
          <label className="dialog-field">
            <span className="field-label">Reason</span>
            <textarea name="reason" rows={4} required placeholder="What should be fixed, and why" />
          </label>
        )}
        {form === 'payment' && (
          <>
            <label className="dialog-field">
              <span className="field-label">Payment date</span>
              <input name="paymentDate" type="date" required defaultValue={localToday()} />
            </label>
            <label className="dialog-field">
              <span className="field-label">Payment method</span>
              <select name="paymentMethod" required defaultValue="transfer">
                {Object.entries(PAYMENT_METHODS).map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {form === 'confirm' && (
          <p>
            Issuing gives the invoice its number and freezes it for everyone: later corrections need a credit
            note.
          </p>
        )}
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="button-quiet" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Sending…' : label}
          </button>
        </div>
      </form>
    </dialog>
  );
}
