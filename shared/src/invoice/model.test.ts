import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initInvoiceDoc, isInitialised, setServerFields } from './create.ts';
import {
  buildLine,
  duplicateLine,
  InvoiceEditError,
  insertLine,
  moveLine,
  removeLine,
  setHeaderField,
  setLineDescription,
  setLineField,
  setPartyField,
} from './edit.ts';
import { CURRENT_SCHEMA_VERSION, type Migration, migrateInvoiceDoc, schemaVersion } from './migrate.ts';
import { readInvoice } from './read.ts';
import { richTextToPlain, writeParagraphs } from './richText.ts';
import {
  docName,
  invoiceIdFromDocName,
  invoiceMap,
  KEY,
  LINE_KEY,
  linesArray,
  partyMap,
  ROOT,
} from './schema.ts';
import { applyTextChange } from './textDiff.ts';
import type { Invoice, InvoiceInit } from './types.ts';

const SERVER = { source: 'server' } as const;
const ALICE = { source: 'connection', userId: 'alice' } as const;

const FULL: InvoiceInit = {
  currency: 'EUR',
  issueDate: '2025-03-01',
  dueDate: '2025-03-31',
  seller: {
    name: 'ACME',
    address: '1 rue de la Paix\n75002 Paris',
    vatId: 'FR40303265045',
    email: 'billing@acme.test',
    siren: '303265045',
  },
  buyer: { name: 'Globex', address: 'Berlin', vatId: 'DE123456789', email: 'ap@globex.test', siren: '' },
  lines: [
    { id: 'l1', description: 'Consulting, day rate', quantity: '3', unitPrice: '120.50', vatRate: '20' },
    { id: 'l2', description: 'Travel 🚆', quantity: '1', unitPrice: '80', vatRate: '10' },
    { id: 'l3', description: '', quantity: '', unitPrice: '', vatRate: '' },
  ],
  notes: 'Thank you for your business.\n\nSee attached timesheet.',
  terms: 'Payment within 30 days.\nLate fee: 40 €.',
  status: 'in_review',
  number: 'F-2025-0001',
  kind: 'invoice',
};

const EMPTY_PARTY = { name: '', address: '', vatId: '', email: '', siren: '' };

const EMPTY: Invoice = {
  schemaVersion: 0,
  currency: '',
  issueDate: '',
  dueDate: '',
  seller: EMPTY_PARTY,
  buyer: EMPTY_PARTY,
  lines: [],
  notes: '',
  terms: '',
  status: 'draft',
  number: null,
  kind: 'invoice',
};

function newDoc(init: InvoiceInit = FULL): Y.Doc {
  const doc = new Y.Doc();
  initInvoiceDoc(doc, init, SERVER);
  return doc;
}

function lineIds(doc: Y.Doc): string[] {
  return readInvoice(doc).lines.map((line) => line.id);
}

/** Origins of the transactions `fn` runs, in order. */
function transactionOrigins(doc: Y.Doc, fn: () => void): unknown[] {
  const origins: unknown[] = [];
  const listener = (transaction: Y.Transaction) => origins.push(transaction.origin);
  doc.on('afterTransaction', listener);
  try {
    fn();
  } finally {
    doc.off('afterTransaction', listener);
  }
  return origins;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('initInvoiceDoc + readInvoice', () => {
  it('round-trips every field', () => {
    const doc = newDoc();
    expect(isInitialised(doc)).toBe(true);
    expect(readInvoice(doc)).toEqual({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      currency: 'EUR',
      issueDate: '2025-03-01',
      dueDate: '2025-03-31',
      seller: FULL.seller,
      buyer: FULL.buyer,
      lines: FULL.lines,
      notes: FULL.notes,
      terms: FULL.terms,
      status: 'in_review',
      number: 'F-2025-0001',
      kind: 'invoice',
    });
  });

  it('survives encoding to another document', () => {
    const doc = newDoc();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readInvoice(copy)).toEqual(readInvoice(doc));
  });

  it('fills defaults for an empty init and gives lines fresh unique ids', () => {
    const doc = newDoc({ lines: [{}, { description: 'x' }] });
    const invoice = readInvoice(doc);
    expect({ ...invoice, lines: [] }).toEqual({
      ...EMPTY,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      currency: 'EUR',
    });
    const [a, b] = invoice.lines;
    expect(a).toEqual({ id: a?.id, description: '', quantity: '', unitPrice: '', vatRate: '' });
    expect(b?.description).toBe('x');
    expect(a?.id).toMatch(/^[0-9a-z]{12}$/);
    expect(a?.id).not.toBe(b?.id);
  });

  it('keeps empty paragraphs and single newlines in rich text', () => {
    for (const text of ['', 'one', 'a\n\nb', '\n', 'x\n', '\ny']) {
      expect(readInvoice(newDoc({ notes: text })).notes).toBe(text);
    }
  });

  it('setServerFields changes only what it is given, in one server transaction', () => {
    const doc = newDoc();
    const origins = transactionOrigins(doc, () => setServerFields(doc, { status: 'issued' }, SERVER));
    expect(origins).toEqual([SERVER]);
    expect(readInvoice(doc)).toMatchObject({ status: 'issued', number: 'F-2025-0001', kind: 'invoice' });
    setServerFields(doc, { number: null, kind: 'credit_note' }, SERVER);
    expect(readInvoice(doc)).toMatchObject({ status: 'issued', number: null, kind: 'credit_note' });
  });
});

describe('readInvoice on documents it did not write', () => {
  it('reads an empty document as defaults', () => {
    const doc = new Y.Doc();
    expect(isInitialised(doc)).toBe(false);
    expect(readInvoice(doc)).toEqual(EMPTY);
  });

  it('reads a value of the wrong type at every key as its default', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      const root = invoiceMap(doc);
      root.set(KEY.schemaVersion, '1');
      root.set(KEY.currency, 42);
      root.set(KEY.issueDate, new Y.Map());
      root.set(KEY.dueDate, null);
      root.set(KEY.seller, 'ACME');
      const buyer = new Y.Map<unknown>();
      root.set(KEY.buyer, buyer);
      buyer.set('name', 42);
      buyer.set('address', new Y.Array());
      buyer.set('email', { nested: true });
      root.set(KEY.lines, 'not a list');
      root.set(KEY.notes, new Y.Text('plain Y.Text, not XmlText'));
      root.set(KEY.terms, 7);
      root.set(KEY.status, 'archived');
      root.set(KEY.number, 12);
      root.set(KEY.kind, 'quote');
    });
    expect(readInvoice(doc)).toEqual(EMPTY);
  });

  it('skips line entries that are not maps or have no string id, and reads bad fields as empty', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      const lines = new Y.Array<unknown>();
      invoiceMap(doc).set(KEY.lines, lines);
      const noId = new Y.Map<unknown>();
      const numericId = new Y.Map<unknown>();
      const odd = new Y.Map<unknown>();
      lines.push([42, 'line', null, noId, numericId, new Y.Array(), odd]);
      noId.set('quantity', '1');
      numericId.set(LINE_KEY.id, 7);
      odd.set(LINE_KEY.id, 'ok');
      odd.set(LINE_KEY.description, 5);
      odd.set('quantity', 3);
      odd.set('unitPrice', new Y.Map());
    });
    expect(readInvoice(doc).lines).toEqual([
      { id: 'ok', description: '', quantity: '', unitPrice: '', vatRate: '' },
    ]);
  });

  it('reads junk inside rich text without throwing', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      const terms = new Y.XmlText();
      invoiceMap(doc).set(KEY.terms, terms);
      terms.insert(0, 'loose text');
      terms.insertEmbed(terms.length, new Y.Map());
      terms.insertEmbed(terms.length, new Y.XmlElement('p'));
      terms.insertEmbed(terms.length, { any: 'object' });
    });
    expect(readInvoice(doc).terms).toBe('loose text');
  });

  it('reads a root that a peer wrote as another type', () => {
    const peer = new Y.Doc();
    peer.getText(ROOT.invoice).insert(0, 'not a map');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    expect(readInvoice(doc)).toEqual(EMPTY);
  });

  it('resolves two concurrent moves of one line to one of them, never a duplicate', () => {
    const a = newDoc();
    const b = new Y.Doc();
    sync(a, b);
    moveLine(a, 'l1', 2, ALICE);
    moveLine(b, 'l1', 1, ALICE);
    sync(a, b);
    sync(b, a);
    expect(linesArray(a)?.length).toBe(3);
    expect(lineIds(a)).toEqual(lineIds(b));
    expect(new Set(lineIds(a)).size).toBe(3);
  });

  it('keeps an edit made to a line while someone else moves it', () => {
    const a = newDoc();
    const b = new Y.Doc();
    sync(a, b);
    moveLine(a, 'l1', 2, ALICE);
    setLineField(b, 'l1', 'quantity', '42', ALICE);
    sync(a, b);
    sync(b, a);
    expect(lineIds(a)).toEqual(lineIds(b));
    expect(lineIds(a)[2]).toBe('l1');
    expect(readInvoice(a).lines[2]?.quantity).toBe('42');
    expect(readInvoice(b)).toEqual(readInvoice(a));
  });
});

describe('rich text in the Lexical collab layout', () => {
  // Test data shaped like what @lexical/yjs 0.52 writes: blocks are XmlText with `__type`,
  // text nodes are a property map followed by their characters.
  function block(root: Y.XmlText, type: string, parent = root): Y.XmlText {
    const node = new Y.XmlText();
    parent.insertEmbed(parent.length, node);
    node.setAttribute('__type', type);
    return node;
  }
  function text(parent: Y.XmlText, value: string): void {
    const props = new Y.Map<unknown>();
    parent.insertEmbed(parent.length, props);
    props.set('__type', 'text');
    parent.insert(parent.length, value);
  }
  function lineBreak(parent: Y.XmlText): void {
    const props = new Y.Map<unknown>();
    parent.insertEmbed(parent.length, props);
    props.set('__type', 'linebreak');
  }

  it('reads paragraphs, line breaks, links and list items as lines', () => {
    const doc = new Y.Doc();
    const root = doc.get('root', Y.XmlText) as Y.XmlText;
    const p = block(root, 'paragraph');
    text(p, 'See ');
    const link = block(root, 'link', p);
    text(link, 'our site');
    text(p, ' now');
    lineBreak(p);
    text(p, 'second line');
    block(root, 'paragraph');
    const list = block(root, 'list');
    const first = block(root, 'listitem', list);
    text(first, 'item A');
    const second = block(root, 'listitem', list);
    text(second, 'item B');
    const nested = block(root, 'list', second);
    text(block(root, 'listitem', nested), 'item B.1');
    expect(richTextToPlain(root)).toBe('See our site now\nsecond line\n\nitem A\nitem B\nitem B.1');
  });

  it('writes what it reads', () => {
    const doc = new Y.Doc();
    const root = doc.get('root', Y.XmlText) as Y.XmlText;
    writeParagraphs(root, ['Net 30', '', 'IBAN FR76 …']);
    expect(richTextToPlain(root)).toBe('Net 30\n\nIBAN FR76 …');
    const empty = doc.get('empty', Y.XmlText) as Y.XmlText;
    writeParagraphs(empty, []);
    expect(richTextToPlain(empty)).toBe('');
    expect(empty.length).toBe(1);
  });
});

describe('edits', () => {
  it('setPartyField edits the text in place', () => {
    const doc = newDoc();
    setPartyField(doc, 'seller', 'name', 'ACME SAS', ALICE);
    setPartyField(doc, 'buyer', 'siren', '552100554', ALICE);
    expect(readInvoice(doc).seller.name).toBe('ACME SAS');
    expect(readInvoice(doc).buyer.siren).toBe('552100554');
  });

  it('setPartyField refuses a document without parties', () => {
    const error = thrown(() => setPartyField(new Y.Doc(), 'buyer', 'name', 'x', ALICE));
    expect(error).toBeInstanceOf(InvoiceEditError);
    expect(error).toMatchObject({ code: 'not_initialised', name: 'InvoiceEditError' });
  });

  it('setHeaderField sets plain values and writes nothing when unchanged', () => {
    const doc = newDoc();
    setHeaderField(doc, 'currency', 'USD', ALICE);
    setHeaderField(doc, 'issueDate', '2025-04-01', ALICE);
    setHeaderField(doc, 'dueDate', '2025-05-01', ALICE);
    expect(readInvoice(doc)).toMatchObject({
      currency: 'USD',
      issueDate: '2025-04-01',
      dueDate: '2025-05-01',
    });
    let updates = 0;
    doc.on('update', () => updates++);
    setHeaderField(doc, 'currency', 'USD', ALICE);
    setLineField(doc, 'l1', 'quantity', '3', ALICE);
    setPartyField(doc, 'seller', 'name', 'ACME', ALICE);
    expect(updates).toBe(0);
  });

  it('setLineField and setLineDescription change one line', () => {
    const doc = newDoc();
    setLineField(doc, 'l2', 'quantity', '2.5', ALICE);
    setLineField(doc, 'l2', 'unitPrice', '99.99', ALICE);
    setLineField(doc, 'l2', 'vatRate', '5.5', ALICE);
    setLineDescription(doc, 'l2', 'Travel 🚆 Paris–Lyon', ALICE);
    const [l1, l2] = readInvoice(doc).lines;
    expect(l2).toEqual({
      id: 'l2',
      description: 'Travel 🚆 Paris–Lyon',
      quantity: '2.5',
      unitPrice: '99.99',
      vatRate: '5.5',
    });
    expect(l1).toEqual(FULL.lines?.[0]);
  });

  it('insertLine clamps the index and returns the new id', () => {
    const doc = newDoc();
    const first = insertLine(doc, -5, { description: 'first' }, ALICE);
    const last = insertLine(doc, 99, { description: 'last', quantity: '1' }, ALICE);
    const middle = insertLine(doc, 2, { id: 'given' }, ALICE);
    expect(middle).toBe('given');
    expect(lineIds(doc)).toEqual([first, 'l1', 'given', 'l2', 'l3', last]);
    expect(readInvoice(doc).lines.at(-1)).toEqual({
      id: last,
      description: 'last',
      quantity: '1',
      unitPrice: '',
      vatRate: '',
    });
  });

  it('insertLine counts visible lines, not junk entries', () => {
    const doc = newDoc();
    linesArray(doc)?.insert(0, ['junk', new Y.Map()]);
    const id = insertLine(doc, 1, {}, ALICE);
    expect(lineIds(doc)).toEqual(['l1', id, 'l2', 'l3']);
  });

  it('removeLine removes the line', () => {
    const doc = newDoc();
    removeLine(doc, 'l2', ALICE);
    expect(lineIds(doc)).toEqual(['l1', 'l3']);
  });

  it('moveLine moves up, down and to both ends, keeping content', () => {
    const doc = newDoc();
    moveLine(doc, 'l2', 0, ALICE);
    expect(lineIds(doc)).toEqual(['l2', 'l1', 'l3']);
    moveLine(doc, 'l2', 1, ALICE);
    expect(lineIds(doc)).toEqual(['l1', 'l2', 'l3']);
    moveLine(doc, 'l1', 2, ALICE);
    expect(lineIds(doc)).toEqual(['l2', 'l3', 'l1']);
    moveLine(doc, 'l1', -3, ALICE);
    expect(lineIds(doc)).toEqual(['l1', 'l2', 'l3']);
    moveLine(doc, 'l1', 99, ALICE);
    expect(lineIds(doc)).toEqual(['l2', 'l3', 'l1']);
    expect(readInvoice(doc).lines).toEqual([FULL.lines?.[1], FULL.lines?.[2], FULL.lines?.[0]]);
  });

  it('moveLine to where the line already is writes nothing', () => {
    const doc = newDoc();
    expect(transactionOrigins(doc, () => moveLine(doc, 'l2', 1, ALICE))).toEqual([]);
    expect(transactionOrigins(doc, () => moveLine(doc, 'l3', 7, ALICE))).toEqual([]);
  });

  it('duplicateLine inserts a copy with a new id right after the line', () => {
    const doc = newDoc();
    const copy = duplicateLine(doc, 'l1', ALICE);
    expect(copy).not.toBe('l1');
    const lines = readInvoice(doc).lines;
    expect(lines.map((line) => line.id)).toEqual(['l1', copy, 'l2', 'l3']);
    expect(lines[1]).toEqual({ ...FULL.lines?.[0], id: copy });
    setLineDescription(doc, copy, 'changed', ALICE);
    expect(readInvoice(doc).lines[0]?.description).toBe('Consulting, day rate');
  });

  it('removeLine removes every copy of a line id, so a hidden copy cannot resurface', () => {
    const a = newDoc();
    // A copy with the same id, as a malicious or pre-version-2 client could leave.
    a.transact(() => linesArray(a)?.push([buildLine({ id: 'l1', description: 'copy' }, 'a0')]));
    expect(linesArray(a)?.length).toBe(4);
    expect(new Set(lineIds(a)).size).toBe(3);
    removeLine(a, 'l1', ALICE);
    expect(lineIds(a)).not.toContain('l1');
    expect(linesArray(a)?.length).toBe(2);
  });

  it('line edits on a missing line throw no_such_line and write nothing', () => {
    const doc = newDoc();
    const before = Y.encodeStateAsUpdate(doc);
    const edits: Array<() => unknown> = [
      () => setLineField(doc, 'nope', 'quantity', '1', ALICE),
      () => setLineDescription(doc, 'nope', 'x', ALICE),
      () => removeLine(doc, 'nope', ALICE),
      () => moveLine(doc, 'nope', 0, ALICE),
      () => duplicateLine(doc, 'nope', ALICE),
    ];
    for (const edit of edits) {
      const error = thrown(edit);
      expect(error).toBeInstanceOf(InvoiceEditError);
      expect(error).toMatchObject({ code: 'no_such_line', name: 'InvoiceEditError' });
      expect((error as Error).message).toContain('nope');
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('insertLine on a document without a line list throws not_initialised', () => {
    expect(thrown(() => insertLine(new Y.Doc(), 0, {}, ALICE))).toMatchObject({ code: 'not_initialised' });
  });

  it('runs every edit as exactly one transaction carrying the given origin', () => {
    const edits: Record<string, (doc: Y.Doc) => unknown> = {
      setPartyField: (doc) => setPartyField(doc, 'buyer', 'address', 'Berlin Mitte', ALICE),
      setHeaderField: (doc) => setHeaderField(doc, 'dueDate', '2025-06-30', ALICE),
      setLineField: (doc) => setLineField(doc, 'l3', 'vatRate', '20', ALICE),
      setLineDescription: (doc) => setLineDescription(doc, 'l1', 'Audit', ALICE),
      insertLine: (doc) => insertLine(doc, 1, { description: 'new' }, ALICE),
      removeLine: (doc) => removeLine(doc, 'l1', ALICE),
      moveLine: (doc) => moveLine(doc, 'l3', 0, ALICE),
      duplicateLine: (doc) => duplicateLine(doc, 'l2', ALICE),
    };
    for (const [name, edit] of Object.entries(edits)) {
      const doc = newDoc();
      const before = readInvoice(doc);
      const origins = transactionOrigins(doc, () => edit(doc));
      expect(origins, name).toEqual([ALICE]);
      expect(origins[0], name).toBe(ALICE);
      expect(readInvoice(doc), name).not.toEqual(before);
    }
  });

  it('undoes a move as one step', () => {
    const doc = newDoc();
    const undo = new Y.UndoManager(invoiceMap(doc), { trackedOrigins: new Set([ALICE]), captureTimeout: 0 });
    moveLine(doc, 'l1', 2, ALICE);
    expect(lineIds(doc)).toEqual(['l2', 'l3', 'l1']);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(readInvoice(doc)).toEqual(readInvoice(newDoc()));
    undo.redo();
    expect(lineIds(doc)).toEqual(['l2', 'l3', 'l1']);
    setServerFields(doc, { status: 'verified' }, SERVER);
    expect(undo.undoStack).toHaveLength(1);
  });
});

describe('applyTextChange', () => {
  /** Applies the change to a Y.Text holding `prev` and returns the deltas observers saw. */
  function deltas(prev: string, next: string): unknown[] {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, prev);
    const seen: unknown[] = [];
    text.observe((event) => seen.push(event.delta));
    applyTextChange(text, next);
    expect(text.toString()).toBe(next);
    return seen;
  }

  it('inserts and deletes only what changed', () => {
    expect(deltas('ACME', 'ACME SAS')).toEqual([[{ retain: 4 }, { insert: ' SAS' }]]);
    expect(deltas('ACME SAS', 'ACME')).toEqual([[{ retain: 4 }, { delete: 4 }]]);
    expect(deltas('Hello world', 'Hello brave world')).toEqual([[{ retain: 6 }, { insert: 'brave ' }]]);
    expect(deltas('2025-01-15', '2025-02-15')).toEqual([[{ retain: 6 }, { delete: 1 }, { insert: '2' }]]);
    expect(deltas('ACME', 'XACME')).toEqual([[{ insert: 'X' }]]);
  });

  it('replaces everything when nothing is shared, and does nothing when nothing changed', () => {
    expect(deltas('abc', 'xyz')).toEqual([[{ delete: 3 }, { insert: 'xyz' }]]);
    expect(deltas('', 'new')).toEqual([[{ insert: 'new' }]]);
    expect(deltas('old', '')).toEqual([[{ delete: 3 }]]);
    expect(deltas('same', 'same')).toEqual([]);
  });

  it('never splits a surrogate pair', () => {
    // 😀 U+1F600 and 😁 U+1F601 share a high surrogate; 🈀 U+1F200 shares 😀's low one.
    expect(deltas('a😀', 'a😁')).toEqual([[{ retain: 1 }, { delete: 2 }, { insert: '😁' }]]);
    expect(deltas('😀b', '😁b')).toEqual([[{ delete: 2 }, { insert: '😁' }]]);
    expect(deltas('a😀c', 'a🈀c')).toEqual([[{ retain: 1 }, { delete: 2 }, { insert: '🈀' }]]);
    expect(deltas('😀😁', '😁')).toEqual([[{ delete: 2 }]]);
    expect(deltas('😀', '😀😀')).toEqual([[{ retain: 2 }, { insert: '😀' }]]);
  });

  it('keeps pairs whole on random edits', () => {
    const alphabet = ['a', 'b', ' ', 'é', '😀', '😁', '🈀', '👍🏽'];
    const random = mulberry32(7);
    const word = () =>
      Array.from(
        { length: Math.floor(random() * 6) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
    for (let i = 0; i < 500; i++) {
      const prev = word();
      const next = word();
      for (const delta of deltas(prev, next) as Array<
        Array<{ retain?: number; delete?: number; insert?: string }>
      >) {
        let offset = 0;
        for (const op of delta) {
          expect(isPairBoundary(prev, offset), `${prev} → ${next}`).toBe(true);
          if (op.insert !== undefined) expect(hasLoneSurrogate(op.insert)).toBe(false);
          offset += op.retain ?? op.delete ?? 0;
        }
      }
    }
  });

  it('is one transaction when called on its own', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'abc');
    expect(transactionOrigins(doc, () => applyTextChange(text, 'xbz'))).toHaveLength(1);
  });
});

describe('migrateInvoiceDoc', () => {
  function record(log: string[]): Migration[] {
    return [
      { from: 2, run: (doc) => log.push(`2→3 at ${schemaVersion(doc)}`) },
      { from: 1, run: (doc) => log.push(`1→2 at ${schemaVersion(doc)}`) },
    ];
  }

  it('does nothing at the current version', () => {
    const doc = newDoc();
    const log: string[] = [];
    expect(transactionOrigins(doc, () => expect(migrateInvoiceDoc(doc, SERVER)).toBe(false))).toEqual([]);
    expect(migrateInvoiceDoc(doc, SERVER, record(log), CURRENT_SCHEMA_VERSION)).toBe(false);
    expect(log).toEqual([]);
  });

  it('runs the steps in order in one transaction and stamps the target', () => {
    const doc = newDoc();
    invoiceMap(doc).set(KEY.schemaVersion, 1);
    const log: string[] = [];
    const origins = transactionOrigins(doc, () =>
      expect(migrateInvoiceDoc(doc, SERVER, record(log), 3)).toBe(true),
    );
    expect(origins).toEqual([SERVER]);
    expect(log).toEqual(['1→2 at 1', '2→3 at 1']);
    expect(schemaVersion(doc)).toBe(3);
    expect(readInvoice(doc).schemaVersion).toBe(3);
  });

  it('starts from the version the document has', () => {
    const doc = newDoc();
    invoiceMap(doc).set(KEY.schemaVersion, 2);
    const log: string[] = [];
    expect(migrateInvoiceDoc(doc, SERVER, record(log), 3)).toBe(true);
    expect(log).toEqual(['2→3 at 2']);
  });

  it('leaves version 0 and junk versions alone', () => {
    for (const version of [undefined, 0, '1', 1.5, -1, Number.NaN]) {
      const doc = new Y.Doc();
      if (version !== undefined) invoiceMap(doc).set(KEY.schemaVersion, version);
      const log: string[] = [];
      expect(migrateInvoiceDoc(doc, SERVER, record(log), 3)).toBe(false);
      expect(log).toEqual([]);
      expect(invoiceMap(doc).get(KEY.schemaVersion)).toEqual(version);
    }
  });

  it('never downgrades', () => {
    const doc = newDoc();
    invoiceMap(doc).set(KEY.schemaVersion, 5);
    const log: string[] = [];
    expect(migrateInvoiceDoc(doc, SERVER, record(log), 3)).toBe(false);
    expect(schemaVersion(doc)).toBe(5);
    expect(log).toEqual([]);
  });

  it('refuses to stamp a version whose step is missing, and writes nothing', () => {
    const doc = newDoc();
    const log: string[] = [];
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => migrateInvoiceDoc(doc, SERVER, record(log), 4)).toThrow(/from schema version 3/);
    expect(log).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('docName / invoiceIdFromDocName', () => {
  it('round-trips valid ids', () => {
    for (const id of ['abc', 'a1B2_c-3', 'x'.repeat(64)]) {
      expect(docName(id)).toBe(`invoice:${id}`);
      expect(invoiceIdFromDocName(docName(id))).toBe(id);
    }
  });

  it('refuses empty, oversized, traversing and foreign names', () => {
    for (const name of [
      'invoice:',
      'invoice:../etc/passwd',
      'invoice:..',
      'invoice:a/b',
      'invoice:a\\b',
      'invoice:a.b',
      'invoice:a b',
      'invoice:abc\n',
      'invoice:é',
      `invoice:${'x'.repeat(65)}`,
      'invoices:abc',
      'Invoice:abc',
      'abc',
      '',
    ]) {
      expect(invoiceIdFromDocName(name), JSON.stringify(name)).toBeNull();
    }
  });

  it('refuses to build a name from a bad id', () => {
    for (const id of ['', '../x', 'a/b', 'a:b', 'x'.repeat(65)]) {
      expect(() => docName(id), JSON.stringify(id)).toThrow(RangeError);
    }
  });
});

describe('schema accessors', () => {
  it('return null for missing or mistyped nested types', () => {
    const doc = new Y.Doc();
    expect(partyMap(doc, 'seller')).toBeNull();
    expect(linesArray(doc)).toBeNull();
    invoiceMap(doc).set(KEY.seller, new Y.Text());
    expect(partyMap(doc, 'seller')).toBeNull();
  });
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isPairBoundary(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  return !(before >= 0xd800 && before <= 0xdbff);
}

function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
