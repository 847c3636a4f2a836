import type * as Y from 'yjs';

/**
 * Turns a whole-value change into the smallest insert/delete on a `Y.Text`, so two people
 * typing in one field merge instead of overwriting each other. Surrogate pairs are never split.
 */
export function applyTextChange(text: Y.Text, next: string): void {
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  // Back off before measuring the suffix, so the suffix may take what the prefix gave up
  // ("😀😁" → "😁" deletes one emoji instead of replacing everything).
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  let end = 0;
  while (
    end < max - start &&
    prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++;
  }
  if (end > 0 && isLowSurrogate(prev.charCodeAt(prev.length - end))) end--;
  const removed = prev.length - start - end;
  const inserted = next.slice(start, next.length - end);
  const change = () => {
    if (removed > 0) text.delete(start, removed);
    if (inserted.length > 0) text.insert(start, inserted);
  };
  // One transaction even when called on its own: peers never see the half-applied value.
  if (text.doc) text.doc.transact(change);
  else change();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
