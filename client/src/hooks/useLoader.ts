import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; value: T };

/**
 * Runs `load` whenever `key` changes (null: nothing to load) and keeps the latest answer;
 * answers to an older key are dropped. `reload` runs it again.
 */
export function useLoader<T>(key: string | null, load: () => Promise<T>): Loaded<T> & { reload(): void } {
  const [state, setState] = useState<Loaded<T>>({ status: key === null ? 'idle' : 'loading' });
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names everything `load` reads.
  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    load().then(
      (value) => {
        if (!cancelled) setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (!cancelled)
          setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
