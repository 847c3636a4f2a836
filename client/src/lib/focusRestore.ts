/**
 * Runs a change that re-renders (and may move in the DOM) the focused element, then gives the
 * focus back to the element with the same id on the next frame, with the same selection.
 * Moving a line re-creates it in the document, and a moved DOM node loses focus.
 */
export function keepFocus(change: () => void, doc: Document = document): void {
  const active = doc.activeElement;
  const id = active instanceof HTMLElement ? active.id : '';
  const selection =
    active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      ? { start: active.selectionStart, end: active.selectionEnd }
      : null;
  change();
  if (!id) return;
  requestAnimationFrame(() => {
    const element = doc.getElementById(id);
    if (!element || doc.activeElement === element) return;
    element.focus();
    if (selection && (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) {
      try {
        element.setSelectionRange(selection.start, selection.end);
      } catch {
        // Inputs of type number/date/email have no selection API.
      }
    }
  });
}

/** Focuses the first element matching `selector` once the next render is on screen. */
export function focusSoon(selector: string, doc: Document = document): void {
  requestAnimationFrame(() => doc.querySelector<HTMLElement>(selector)?.focus());
}

/**
 * Puts the caret in the field at `path` (its input, or its rich-text editor); the line list's
 * own path leads to "+ Add line". Returns false when the field is not on screen.
 */
export function focusField(path: string, doc: Document = document): boolean {
  const frame = doc.querySelector(`[data-field="${CSS.escape(path)}"]`);
  const target =
    frame?.querySelector<HTMLElement>('input, textarea, select, [contenteditable]') ??
    (path === 'lines' ? doc.querySelector<HTMLElement>('.add-line') : null);
  if (!target) return false;
  target.focus();
  return true;
}
