import {
  COMMAND_PRIORITY_HIGH,
  type LexicalEditor,
  mergeRegister,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import type { UndoRedo } from '../../lib/undo.ts';

/**
 * Routes a rich-text editor's undo and redo (keyboard, the browser's Edit menu, beforeinput
 * history events) to the invoice's single undo history, so Ctrl+Z in the notes undoes the
 * same step the toolbar button would.
 */
export function registerSharedUndo(editor: LexicalEditor, history: UndoRedo): () => void {
  return mergeRegister(
    editor.registerCommand(
      UNDO_COMMAND,
      () => {
        history.undo();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      REDO_COMMAND,
      () => {
        history.redo();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
  );
}
