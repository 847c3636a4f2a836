import { type RefObject, useEffect } from 'react';
import type * as Y from 'yjs';
import { bindTextControl, type TextControl } from '../lib/textBinding.ts';

/** Keeps an uncontrolled input and a Y.Text in step (see bindTextControl). */
export function useTextBinding(
  ref: RefObject<TextControl | null>,
  text: Y.Text | null,
  origin: unknown,
): void {
  useEffect(() => {
    const control = ref.current;
    if (!control || !text) return;
    return bindTextControl(control, text, origin);
  }, [ref, text, origin]);
}
