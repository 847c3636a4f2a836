import {
  addThread,
  initInvoiceDoc,
  lineId,
  lineMaps,
  partyText,
  readThreads,
  removeLine,
} from '@cofacture/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  rangeAnchor,
  resolveRange,
  splitQuote,
  textForPath,
  viewThread,
  withQuote,
} from './commentAnchors.ts';

const ME = { id: 'u-bob', name: 'Bob Durand' };

function pair(address: string) {
  const a = new Y.Doc();
  initInvoiceDoc(a, { buyer: { address }, lines: [{ description: 'Design work' }] }, 'init');
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b };
}

function sync(a: Y.Doc, b: Y.Doc) {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
}

function anchoredWords(doc: Y.Doc): string | null {
  const [thread] = readThreads(doc);
  if (thread?.anchor.type !== 'range') throw new Error('no range thread');
  return resolveRange(doc, thread.anchor)?.text ?? null;
}

/** One person comments on `words` while the other edits the same text concurrently. */
function commentWhile(address: string, words: string, edit: (text: Y.Text) => void) {
  const { a, b } = pair(address);
  const text = partyText(a, 'buyer', 'address');
  if (!text) throw new Error('no address');
  const start = address.indexOf(words);
  addThread(
    a,
    { anchor: rangeAnchor(text, 'buyer.address', start, start + words.length), author: ME, text: 'Typo?' },
    'a',
  );
  const other = partyText(b, 'buyer', 'address');
  if (!other) throw new Error('no address');
  edit(other);
  sync(a, b);
  return { a, b, after: other.toString() };
}

describe('range anchors', () => {
  const address = '12 rue des Lilas, Paris';

  it('keep covering the words when text is inserted before, inside and after them concurrently', () => {
    const { a, b, after } = commentWhile(address, 'rue des Lilas', (t) => {
      t.insert(t.toString().indexOf(','), ' (bis)'); // right after the words
      t.insert(t.toString().indexOf('des') + 3, ' beaux'); // inside
      t.insert(0, 'Bât. B, '); // before
    });
    expect(after).toBe('Bât. B, 12 rue des beaux Lilas (bis), Paris');
    expect(anchoredWords(a)).toBe('rue des beaux Lilas');
    expect(anchoredWords(b)).toBe('rue des beaux Lilas');
  });

  it('follow deletions before and inside, and shrink when the edge is deleted', () => {
    const { a, b } = commentWhile(address, 'rue des Lilas', (t) => {
      t.delete(0, 3); // "12 " before
      t.delete(t.toString().indexOf(' des'), 4); // " des" inside
      t.delete(t.toString().indexOf('Lilas') + 3, 2); // "as": the end of the words
    });
    expect(anchoredWords(a)).toBe('rue Lil');
    expect(anchoredWords(b)).toBe('rue Lil');
  });

  it('detach (and keep the thread) when the words are deleted', () => {
    const { a, b } = commentWhile(address, 'Lilas', (t) => t.delete(t.toString().indexOf('des Lilas'), 9));
    for (const doc of [a, b]) {
      const [thread] = readThreads(doc);
      expect(thread).toBeDefined();
      expect(thread && viewThread(doc, thread).state).toBe('detached');
    }
  });

  it('anchor a line by its id: it survives moves and detaches when the line is removed', () => {
    const { a } = pair(address);
    const id = lineId(lineMaps(a)[0] as Y.Map<unknown>) ?? '';
    addThread(a, { anchor: { type: 'line', lineId: id }, author: ME, text: 'Price?' }, 'a');
    const [thread] = readThreads(a);
    if (!thread) throw new Error('no thread');
    expect(viewThread(a, thread)).toMatchObject({ state: 'open', path: `lines.${id}` });
    expect(textForPath(a, `lines.${id}.description`)?.toString()).toBe('Design work');
    removeLine(a, id, 'a');
    expect(viewThread(a, thread).state).toBe('detached');
  });

  it('carries quoted words of rich text as a first line', () => {
    expect(splitQuote(withQuote(' late  fees ', 'Say 40 €'))).toEqual({
      quote: 'late fees',
      body: 'Say 40 €',
    });
    expect(splitQuote('Plain')).toEqual({ quote: null, body: 'Plain' });
  });
});
