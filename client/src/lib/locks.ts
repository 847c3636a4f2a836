import { type LockEntry, locksMap, readLocks } from '@cofacture/shared';
import type * as Y from 'yjs';
import type { Store } from './store.ts';

export type { LockEntry };
export { readLocks };

/**
 * The lock map as a store for useSyncExternalStore, re-read only when the map itself changes
 * (not on every keystroke elsewhere in the invoice).
 */
export function locksStore(doc: Y.Doc): Pick<Store<readonly LockEntry[]>, 'get' | 'subscribe'> {
  let value: readonly LockEntry[] = readLocks(doc);
  const listeners = new Set<() => void>();
  const map = locksMap(doc);
  const onChange = () => {
    value = readLocks(doc);
    for (const listener of [...listeners]) listener();
  };
  return {
    get: () => value,
    subscribe(listener) {
      if (listeners.size === 0) {
        value = readLocks(doc);
        map.observe(onChange);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) map.unobserve(onChange);
      };
    },
  };
}

/** The id of a lock's badge, for aria-describedby on what it makes read-only (one editor per page). */
export function lockBadgeId(path: string): string {
  return `lock-${path}`;
}
