import { type RefObject, useEffect } from 'react';
import type * as Y from 'yjs';
import { type CommentDraft, draftForFocus, isCommentShortcut } from '../lib/commentTarget.ts';

/** Ctrl+Alt+M in the editor comments on the current field, selection or line. */
export function useCommentShortcut(
  ref: RefObject<HTMLElement | null>,
  doc: Y.Doc,
  enabled: boolean,
  start: (draft: CommentDraft) => void,
): void {
  useEffect(() => {
    const root = ref.current;
    if (!root || !enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      event.stopPropagation();
      start(draftForFocus(doc, root.ownerDocument.activeElement));
    };
    root.addEventListener('keydown', onKeyDown, true);
    return () => root.removeEventListener('keydown', onKeyDown, true);
  }, [ref, doc, enabled, start]);
}
