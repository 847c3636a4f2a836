import type { InvoiceSummary } from '@cofacture/shared';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../lib/api.ts';
import { subscribeInvoiceEvents } from '../lib/invoiceEvents.ts';
import { upsertInvoice } from '../lib/invoiceList.ts';

export type InvoiceListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; invoices: InvoiceSummary[] };

/** The invoices of the person's organisations, kept current by the server's event stream. */
export function useInvoiceList(token: string): { state: InvoiceListState; reload: () => void } {
  const [state, setState] = useState<InvoiceListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how "Try again" re-runs the load.
  useEffect(() => {
    let cancelled = false;
    // Events that arrive before the first page are kept and applied on top of it.
    let pending: InvoiceSummary[] = [];
    let loaded = false;
    setState({ status: 'loading' });
    const unsubscribe = subscribeInvoiceEvents(token, (invoice) => {
      if (!loaded) pending.push(invoice);
      else
        setState((current) =>
          current.status === 'ready'
            ? { status: 'ready', invoices: upsertInvoice(current.invoices, invoice) }
            : current,
        );
    });
    api.listInvoices(token).then(
      ({ invoices }) => {
        if (cancelled) return;
        loaded = true;
        setState({ status: 'ready', invoices: pending.reduce(upsertInvoice, invoices) });
        pending = [];
      },
      (error: unknown) => {
        if (!cancelled)
          setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [token, attempt]);

  return { state, reload };
}
