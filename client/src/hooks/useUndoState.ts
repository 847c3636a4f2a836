import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readUndoState, type UndoState, watchUndoState } from '../lib/undo.ts';

export function useUndoState(manager: Y.UndoManager): UndoState {
  const [state, setState] = useState(() => readUndoState(manager));
  useEffect(() => {
    setState(readUndoState(manager));
    return watchUndoState(manager, setState);
  }, [manager]);
  return state;
}
