import { applyTextChange } from '@cofacture/shared';
import type * as Y from 'yjs';
import { transformSelection } from './caret.ts';

export type TextControl = HTMLInputElement | HTMLTextAreaElement;

/**
 * Binds a text input to a `Y.Text`. Local typing is written as the smallest insert/delete
 * (so two people typing in one field merge); a change from anyone else (or an undo) rewrites
 * the value and carries the caret and selection through the change instead of letting them
 * jump to the end. Nothing is written while an IME composition is open.
 */
export function bindTextControl(control: TextControl, text: Y.Text, origin: unknown): () => void {
  let composing = false;
  control.value = text.toString();

  const write = () => {
    const doc = text.doc;
    if (composing || control.readOnly || !doc) return;
    doc.transact(() => applyTextChange(text, control.value), origin);
  };
  const onCompositionStart = () => {
    composing = true;
  };
  const onCompositionEnd = () => {
    composing = false;
    write();
  };
  const observer = (event: Y.YTextEvent) => {
    const next = text.toString();
    if (control.value === next) return;
    if (composing) return; // Resynchronised when the composition ends.
    const focused = control.ownerDocument.activeElement === control;
    const selection = focused
      ? transformSelection(
          {
            start: control.selectionStart ?? 0,
            end: control.selectionEnd ?? 0,
            direction: control.selectionDirection ?? 'none',
          },
          event.delta,
        )
      : null;
    control.value = next;
    if (selection) control.setSelectionRange(selection.start, selection.end, selection.direction);
  };

  control.addEventListener('input', write);
  control.addEventListener('compositionstart', onCompositionStart);
  control.addEventListener('compositionend', onCompositionEnd);
  text.observe(observer);
  return () => {
    control.removeEventListener('input', write);
    control.removeEventListener('compositionstart', onCompositionStart);
    control.removeEventListener('compositionend', onCompositionEnd);
    text.unobserve(observer);
  };
}
