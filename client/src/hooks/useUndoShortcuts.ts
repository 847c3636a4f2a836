import { type RefObject, useEffect } from 'react';
import { registerUndoShortcuts, type UndoRedo } from '../lib/undo.ts';

export function useUndoShortcuts(ref: RefObject<HTMLElement | null>, history: UndoRedo): void {
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    return registerUndoShortcuts(container, history);
  }, [ref, history]);
}
