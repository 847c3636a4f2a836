import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../lib/api.ts';
import { eventStreams } from '../lib/eventStream.ts';
import type { QueueItem } from '../lib/workflowActions.ts';

export type QueueState =
  | { readonly status: 'loading' | 'unavailable' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly items: readonly QueueItem[] };

/** After an invoice event, how long to let others arrive before asking for the queue again. */
const SETTLE_MS = 250;

/**
 * "My queue": the invoices waiting for this person's next step, asked again whenever an
 * invoice of their organisations changes (the list's event stream says so).
 */
export function useQueue(token: string): { state: QueueState; reload: () => void } {
  const [state, setState] = useState<QueueState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how "Try again" and events re-run the load.
  useEffect(() => {
    let cancelled = false;
    api.queue(token).then(
      ({ items }) => {
        if (!cancelled) setState({ status: 'ready', items });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: 'unavailable' });
        else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, attempt]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = eventStreams.subscribe(token, 'invoice', () => {
      clearTimeout(timer);
      timer = setTimeout(reload, SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [token, reload]);

  return { state, reload };
}
