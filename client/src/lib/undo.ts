import type * as Y from 'yjs';

export interface UndoRedo {
  undo(): void;
  redo(): void;
}

export interface UndoState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/** Which history step a key press asks for, if any: Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y. */
export function historyKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/**
 * Takes Ctrl+Z and friends for the whole editor, in the capture phase, before a native input
 * would undo its own text (which knows nothing of the shared document) and before Lexical
 * sees them.
 */
export function registerUndoShortcuts(target: HTMLElement, history: UndoRedo): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const step = historyKey(event);
    if (!step) return;
    event.preventDefault();
    event.stopPropagation();
    history[step]();
  };
  target.addEventListener('keydown', onKeyDown, true);
  return () => target.removeEventListener('keydown', onKeyDown, true);
}

/** Undo state of a Y.UndoManager, with change notification. */
export function watchUndoState(manager: Y.UndoManager, onChange: (state: UndoState) => void): () => void {
  const emit = () => onChange(readUndoState(manager));
  manager.on('stack-item-added', emit);
  manager.on('stack-item-popped', emit);
  manager.on('stack-cleared', emit);
  return () => {
    manager.off('stack-item-added', emit);
    manager.off('stack-item-popped', emit);
    manager.off('stack-cleared', emit);
  };
}

export function readUndoState(manager: Y.UndoManager): UndoState {
  return { canUndo: manager.undoStack.length > 0, canRedo: manager.redoStack.length > 0 };
}
