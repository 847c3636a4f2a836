import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { UndoRedo } from '../../lib/undo.ts';
import { registerSharedUndo } from './registerSharedUndo.ts';

export function SharedUndoPlugin({ history }: { history: UndoRedo }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerSharedUndo(editor, history), [editor, history]);
  return null;
}
