import { type RefObject, useEffect } from 'react';
import type * as Y from 'yjs';
import { registerFocusTracking } from '../lib/focusTracking.ts';
import { type AwarenessLike, publishFocus } from '../lib/presence.ts';

/**
 * Publishes the field the person is in, so others see a ring with their name on it, and
 * closes the current undo step when they move to another field (one step never spans two).
 */
export function useFocusTracking(
  ref: RefObject<HTMLElement | null>,
  awareness: AwarenessLike,
  undoManager: Y.UndoManager,
): void {
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const unregister = registerFocusTracking(container, (path) => {
      publishFocus(awareness, path);
      undoManager.stopCapturing();
    });
    return () => {
      unregister();
      publishFocus(awareness, null);
    };
  }, [ref, awareness, undoManager]);
}
