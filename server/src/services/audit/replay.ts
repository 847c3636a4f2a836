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
 * then the rows after it merged into one update and applied once. The cost depends on the
 * distance to the snapshot, not on the length of the history.
 */
export function replayTo(store: DocStore, name: string, seq: number): ReplayedState {
  const doc = new Y.Doc();
  const snapshot = seq > 0 ? store.snapshotAtOrBefore(name, seq) : null;
  const tail = seq > 0 ? store.updates(name, snapshot?.seq ?? 0, seq) : [];
  const parts = tail.map((row) => row.update);
  if (snapshot) parts.unshift(snapshot.state);
  if (parts.length > 0)
    Y.applyUpdate(doc, parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts));
  return { doc, seq, fromSnapshot: snapshot?.seq ?? 0, applied: tail.length };
}
