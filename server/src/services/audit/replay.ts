import * as Y from 'yjs';
import type { DocStore } from '../../store/DocStore.ts';

export interface ReplayedState {
  doc: Y.Doc;
  seq: number;
  /** The snapshot replay started from (0: the empty document). */
  fromSnapshot: number;
  /** Log rows applied on top of it: at most the checkpoint distance once history is projected. */
  applied: number;
}

/**
 * The document exactly as it was after log row `seq`: the nearest snapshot at or before `seq`,
 * then the rows after it, applied one by one inside one transaction. The cost depends on the
 * distance to the snapshot, not on the length of the history. (Measured with yjs 13.6:
 * `Y.mergeUpdates` grows much faster than linearly with the number of updates — 2 000 small
 * updates merged in ~0.5 s against ~40 ms applied one by one.)
 */
export function replayTo(store: DocStore, name: string, seq: number): ReplayedState {
  const doc = new Y.Doc();
  const snapshot = seq > 0 ? store.snapshotAtOrBefore(name, seq) : null;
  const tail = seq > 0 ? store.updates(name, snapshot?.seq ?? 0, seq) : [];
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot.state);
    for (const row of tail) Y.applyUpdate(doc, row.update);
  });
  return { doc, seq, fromSnapshot: snapshot?.seq ?? 0, applied: tail.length };
}
