import type { Invoice, InvoiceStatus } from '@cofacture/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../lib/api.ts';
import type { AvailableAction } from '../lib/workflowActions.ts';

export type ActionsState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | {
      readonly status: 'ready';
      readonly actions: readonly AvailableAction[];
      readonly forStatus: InvoiceStatus;
    };

/** After the last content change, how long to wait before asking again (mentions, four-eyes). */
const CONTENT_SETTLE_MS = 800;

/**
 * What this person may do with the invoice now, and why not, as the server decides it. Asked
 * again at once when the status in the document changes (someone acted, on any screen), and a
 * moment after content changes, which can complete a mandatory mention or make the person the
 * last editor.
 */
export function useInvoiceActions(
  invoiceId: string,
  token: string,
  invoice: Invoice,
): { state: ActionsState; reload: () => void } {
  const [state, setState] = useState<ActionsState>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  const status = invoice.status;

  const seen = useRef(invoice);
  useEffect(() => {
    if (seen.current === invoice) return;
    seen.current = invoice;
    const timer = setTimeout(reload, CONTENT_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [invoice, reload]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is how content changes and reload() re-ask.
  useEffect(() => {
    let cancelled = false;
    api.invoiceActions(token, invoiceId).then(
      ({ actions }) => {
        if (!cancelled) setState({ status: 'ready', actions, forStatus: status });
      },
      (error: unknown) => {
        if (!cancelled)
          setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [invoiceId, token, status, version]);

  return { state, reload };
}
