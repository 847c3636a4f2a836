import { useMemo } from 'react';
import type * as Y from 'yjs';
import { type LockEntry, locksStore } from '../lib/locks.ts';
import { useStore } from './useStore.ts';

/** The server-owned lock map of the invoice, as it changes. */
export function useLocks(doc: Y.Doc): readonly LockEntry[] {
  const store = useMemo(() => locksStore(doc), [doc]);
  return useStore(store);
}
