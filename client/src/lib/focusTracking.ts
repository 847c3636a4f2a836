/**
 * Reports which field the person is in, from focus events on a container: any element inside
 * an ancestor marked `data-field="<path>"` counts as that field (the input of a text field, a
 * rich-text editor's content, a select). Leaving every field reports null.
 */
export function registerFocusTracking(
  container: HTMLElement,
  onFocus: (path: string | null) => void,
): () => void {
  const pathOf = (node: EventTarget | null): string | null =>
    node instanceof Element ? (node.closest<HTMLElement>('[data-field]')?.dataset.field ?? null) : null;
  const onFocusIn = (event: FocusEvent) => onFocus(pathOf(event.target));
  const onFocusOut = (event: FocusEvent) => {
    // Moving straight to another field is reported by its focusin; only report leaving.
    if (!(event.relatedTarget instanceof Node && container.contains(event.relatedTarget))) onFocus(null);
  };
  container.addEventListener('focusin', onFocusIn);
  container.addEventListener('focusout', onFocusOut);
  return () => {
    container.removeEventListener('focusin', onFocusIn);
    container.removeEventListener('focusout', onFocusOut);
  };
}
