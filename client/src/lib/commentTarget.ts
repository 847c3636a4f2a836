import type { CommentAnchor } from '@cofacture/shared';
import type * as Y from 'yjs';
import { quoteFor, rangeAnchor, textForPath } from './commentAnchors.ts';

/** What a new comment is about, before its first message is written. */
export interface CommentDraft {
  readonly anchor: CommentAnchor;
  /** The chosen words, shown in the composer; for rich text they are kept as a quote line. */
  readonly quote: string | null;
}

/**
 * The draft for a field's frame (`[data-field]`): a text range when words are selected in its
 * plain text control, the field with the selected words quoted for rich text, else the field.
 */
export function draftForField(doc: Y.Doc, frame: HTMLElement): CommentDraft | null {
  const path = frame.dataset.field;
  if (!path) return null;
  const control = frame.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    'input:not([type="date"]), textarea',
  );
  const text = textForPath(doc, path);
  if (text && control) {
    const start = control.selectionStart ?? 0;
    const end = control.selectionEnd ?? 0;
    if (end > start) {
      return { anchor: rangeAnchor(text, path, start, end), quote: text.toString().slice(start, end) };
    }
  }
  if (quoteFor(path)) {
    const selection = frame.ownerDocument.getSelection();
    const inside =
      selection && !selection.isCollapsed && selection.anchorNode && frame.contains(selection.anchorNode);
    const words = inside ? selection.toString().trim() : '';
    return { anchor: { type: 'field', path }, quote: words || null };
  }
  return { anchor: { type: 'field', path }, quote: null };
}

/** The draft for wherever the focus is (the Ctrl+Alt+M shortcut): field, line, or the invoice. */
export function draftForFocus(doc: Y.Doc, focused: Element | null): CommentDraft {
  const frame = focused?.closest<HTMLElement>('[data-field]');
  const draft = frame ? draftForField(doc, frame) : null;
  if (draft) return draft;
  const lineId = focused?.closest<HTMLElement>('[data-line-id]')?.dataset.lineId;
  if (lineId) return { anchor: { type: 'line', lineId }, quote: null };
  return { anchor: { type: 'invoice' }, quote: null };
}

/** Ctrl+Alt+M (⌘⌥M on a Mac). */
export function isCommentShortcut(
  event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'code' | 'key'>,
) {
  return (
    (event.ctrlKey || event.metaKey) &&
    event.altKey &&
    (event.code === 'KeyM' || event.key.toLowerCase() === 'm')
  );
}

/** The element a thread's anchor shows on. */
export function anchorElement(root: ParentNode, path: string | null): HTMLElement | null {
  if (path === null) return null;
  const [head, id, third] = path.split('.');
  if (head === 'lines' && id && third === undefined) {
    return root.querySelector<HTMLElement>(`tr[data-line-id="${CSS.escape(id)}"]`);
  }
  return root.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
}

/** Scrolls to an anchor and flashes it; a text range is selected in its control. */
export function flashAnchor(
  root: ParentNode,
  path: string | null,
  range: { start: number; end: number } | null,
): void {
  const element = anchorElement(root, path);
  if (!element) return;
  element.scrollIntoView({ block: 'center', behavior: 'smooth' });
  element.classList.remove('comment-flash');
  void element.offsetWidth; // restart the animation
  element.classList.add('comment-flash');
  window.setTimeout(() => element.classList.remove('comment-flash'), 1600);
  if (range) {
    const control = element.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    control?.focus({ preventScroll: true });
    control?.setSelectionRange(range.start, range.end);
  }
}
