import * as Y from 'yjs';

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

interface Range {
  clock: number;
  len: number;
}

export interface StackItem {
  insertions: DeleteSet;
  deletions: DeleteSet;
  meta: Map<unknown, unknown>;
}

/**
 * Keeps in an UndoManager stack item only the items `refuse` selects, so `undo()` reverts those
 * and leaves the rest of the transaction in place. Works on the DeleteSet layout Yjs 13.6 uses
 * (per client, sorted, non-overlapping `{ clock, len }` ranges).
 */
export function narrowStackItem(
  tr: Y.Transaction,
  stackItem: StackItem,
  refuse: (item: Y.Item) => boolean,
): void {
  stackItem.insertions = filter(tr, stackItem.insertions, refuse);
  stackItem.deletions = filter(tr, stackItem.deletions, refuse);
}

function filter(tr: Y.Transaction, set: DeleteSet, refuse: (item: Y.Item) => boolean): DeleteSet {
  const kept = new Map<number, Range[]>();
  Y.iterateDeletedStructs(tr, set, (struct) => {
    if (!(struct instanceof Y.Item) || !refuse(struct)) return;
    const ranges = kept.get(struct.id.client) ?? [];
    ranges.push({ clock: struct.id.clock, len: struct.length });
    kept.set(struct.id.client, ranges);
  });
  const out = Y.createDeleteSet();
  for (const [client, ranges] of kept) {
    ranges.sort((a, b) => a.clock - b.clock);
    (out.clients as Map<number, Range[]>).set(client, ranges);
  }
  return out;
}
