import type { WorkflowAction } from '@cofacture/shared';
import { useCallback, useState } from 'react';
import { api } from '../lib/api.ts';
import type { ActionInput, ActionResult } from '../lib/workflowActions.ts';

export interface PerformAction {
  /** Resolves with the result, or null when the server refused (the error is then set). */
  run(action: WorkflowAction, input: ActionInput): Promise<ActionResult | null>;
  readonly busy: boolean;
  readonly error: string | null;
  clearError(): void;
}

/** Sends one workflow action at a time and keeps the server's refusal, in its words. */
export function usePerformAction(invoiceId: string, token: string): PerformAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: WorkflowAction, input: ActionInput) => {
      setBusy(true);
      setError(null);
      try {
        return await api.performAction(token, invoiceId, action, input);
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [invoiceId, token],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
