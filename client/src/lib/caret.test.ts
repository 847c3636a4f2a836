import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type TextDelta, transformIndex } from './caret.ts';

/** The delta a remote change produces on a Y.Text holding `before`. */
function deltaOf(before: string, change: (text: Y.Text) => void): TextDelta {
  const local = new Y.Doc();
  const text = local.getText('t');
  text.insert(0, before);
  let delta: TextDelta = [];
  text.observe((event) => {
    delta = event.delta as TextDelta;
  });
  change(text);
  return delta;
}

describe('transformIndex', () => {
  it('moves the caret right for text inserted before it, not for text after it', () => {
    const delta = deltaOf('hello world', (t) => t.insert(0, '>> '));
    expect(transformIndex(5, delta)).toBe(8);
    expect(
      transformIndex(
        0,
        deltaOf('hello', (t) => t.insert(3, 'XX')),
      ),
    ).toBe(0);
    expect(
      transformIndex(
        2,
        deltaOf('hello', (t) => t.insert(3, 'XX')),
      ),
    ).toBe(2);
  });

  it('keeps the caret before text inserted exactly at it', () => {
    expect(
      transformIndex(
        3,
        deltaOf('hello', (t) => t.insert(3, 'XX')),
      ),
    ).toBe(3);
  });

  it('pulls the caret back for deletions before it and to the start of a deletion around it', () => {
    expect(
      transformIndex(
        8,
        deltaOf('0123456789', (t) => t.delete(1, 3)),
      ),
    ).toBe(5);
    expect(
      transformIndex(
        3,
        deltaOf('0123456789', (t) => t.delete(1, 5)),
      ),
    ).toBe(1);
    expect(
      transformIndex(
        1,
        deltaOf('0123456789', (t) => t.delete(5, 2)),
      ),
    ).toBe(1);
  });

  it('handles a replacement (delete + insert) in one change', () => {
    const delta = deltaOf('ACME SAS', (t) => {
      t.doc?.transact(() => {
        t.delete(0, 4);
        t.insert(0, 'Groupe Acme');
      });
    });
    // The caret was after "SAS" (index 8): 4 removed, 11 inserted before it.
    expect(transformIndex(8, delta)).toBe(15);
  });
});
