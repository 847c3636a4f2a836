import type * as Y from 'yjs';
import type { Store } from './store.ts';

/**
 * A read-only store of a value derived from a Y.Doc (e.g. `readInvoice`), recomputed after
 * each transaction that changed the document, for useSyncExternalStore.
 */
export function docValueStore<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): Omit<Store<T>, 'set'> {
  let value = read(doc);
  let dirty = false;
  const listeners = new Set<() => void>();
  const onUpdate = () => {
    dirty = true;
    for (const listener of [...listeners]) listener();
  };
  return {
    get() {
      if (dirty) {
        value = read(doc);
        dirty = false;
      }
      return value;
    },
    subscribe(listener) {
      if (listeners.size === 0) doc.on('update', onUpdate);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) doc.off('update', onUpdate);
      };
    },
  };
}
