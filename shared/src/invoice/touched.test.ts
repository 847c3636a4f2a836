import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initInvoiceDoc } from './create.ts';
import {
  buildLine,
  duplicateLine,
  insertLine,
  moveLine,
  removeLine,
  setHeaderField,
  setLineDescription,
  setLineField,
  setPartyField,
} from './edit.ts';
import {
  commentsMap,
  findLine,
  invoiceMap,
  lineDescription,
  linesArray,
  locksMap,
  partyMap,
  partyText,
  type RichTextField,
  richText,
} from './schema.ts';
import { itemPath, type TouchedPath, touchedPaths } from './touched.ts';

const SERVER = { source: 'server' } as const;
const ALICE = { source: 'connection', userId: 'alice' } as const;

const ok = (path: string): TouchedPath => ({ path, malformed: false });
const bad = (path: string): TouchedPath => ({ path, malformed: true });

/** A document as the server holds it: initialised, with every root the guard watches created. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  initInvoiceDoc(
    doc,
    {
      seller: { name: 'ACME', address: 'Paris' },
      buyer: { name: 'Globex', vatId: 'DE123456789' },
      lines: [
        { id: 'l1', description: 'Consulting', quantity: '3', unitPrice: '120.50', vatRate: '20' },
        { id: 'l2', description: 'Travel', quantity: '1', unitPrice: '80', vatRate: '10' },
        { id: 'l3' },
      ],
      notes: 'Thank you.\nSee attached timesheet.',
    },
    SERVER,
  );
  doc.transact(() => {
    locksMap(doc);
    const thread = new Y.Map<unknown>();
    thread.set('anchor', 'buyer.name');
    thread.set('messages', new Y.Array<unknown>());
    thread.set('resolved', false);
    commentsMap(doc).set('t0', thread);
  }, SERVER);
  return doc;
}

function replica(of: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(of));
  return doc;
}

/** Runs `fn` and returns what `touchedPaths` says about every transaction it made. */
function touchedBy(doc: Y.Doc, fn: () => void): TouchedPath[][] {
  const seen: TouchedPath[][] = [];
  const listener = (transaction: Y.Transaction) => seen.push(touchedPaths(doc, transaction));
  doc.on('afterTransaction', listener);
  try {
    fn();
  } finally {
    doc.off('afterTransaction', listener);
  }
  return seen;
}

const byPath = (paths: readonly TouchedPath[]) => [...paths].sort((a, b) => a.path.localeCompare(b.path));

/** An edit made in one transaction; it returns the paths it should be seen to touch. */
type Edit = (doc: Y.Doc) => TouchedPath[];
/** Server-made state the edit starts from. */
type Setup = (doc: Y.Doc) => void;

/** The edit made on the server's own document, as one transaction. */
function local(edit: Edit, setup?: Setup): { touched: TouchedPath[]; expected: TouchedPath[] } {
  const doc = serverDoc();
  if (setup) doc.transact(() => setup(doc), SERVER);
  let expected: TouchedPath[] = [];
  const seen = touchedBy(doc, () => doc.transact(() => (expected = edit(doc)), ALICE));
  expect(seen).toHaveLength(1);
  return { touched: seen[0] ?? [], expected };
}

/** The edit made on a client replica and applied to the server as one update: what the guard sees. */
function remote(edit: Edit, setup?: Setup): { touched: TouchedPath[]; expected: TouchedPath[] } {
  const server = serverDoc();
  if (setup) server.transact(() => setup(server), SERVER);
  const client = replica(server);
  const before = Y.encodeStateVector(client);
  const expected = edit(client);
  const update = Y.encodeStateAsUpdate(client, before);
  const seen = touchedBy(server, () => Y.applyUpdate(server, update, ALICE));
  // The update is one transaction; Yjs may follow it with its own formatting clean-up.
  expect(seen.length).toBeGreaterThanOrEqual(1);
  return { touched: seen[0] ?? [], expected };
}

function line(doc: Y.Doc, id: string): Y.Map<unknown> {
  const found = findLine(doc, id);
  if (!found) throw new Error(`no line ${id}`);
  return found.line;
}

function lines(doc: Y.Doc): Y.Array<unknown> {
  const array = linesArray(doc);
  if (!array) throw new Error('no lines');
  return array;
}

function notes(doc: Y.Doc, field: RichTextField = 'notes'): Y.XmlText {
  const text = richText(doc, field);
  if (!text) throw new Error(`no ${field}`);
  return text;
}

/** The first block of a Lexical-bound root, and the first text node's property map inside it. */
function firstParagraph(doc: Y.Doc): { paragraph: Y.XmlText; textNode: Y.Map<unknown> } {
  const paragraph = (notes(doc).toDelta() as { insert: unknown }[])[0]?.insert;
  if (!(paragraph instanceof Y.XmlText)) throw new Error('no paragraph');
  const textNode = (paragraph.toDelta() as { insert: unknown }[])[0]?.insert;
  if (!(textNode instanceof Y.Map)) throw new Error('no text node');
  return { paragraph, textNode };
}

/** Items a transaction inserted or deleted, nested ones included. */
function changedItems(doc: Y.Doc, transaction: Y.Transaction): Y.Item[] {
  const items: Y.Item[] = [];
  for (const [client, structs] of doc.store.clients) {
    const before = transaction.beforeState.get(client) ?? 0;
    for (const struct of structs)
      if (struct instanceof Y.Item && struct.id.clock >= before) items.push(struct);
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (struct instanceof Y.Item) items.push(struct);
  });
  return items;
}

function thread(doc: Y.Doc, id: string): Y.Map<unknown> {
  const value = commentsMap(doc).get(id);
  if (!(value instanceof Y.Map)) throw new Error(`no thread ${id}`);
  return value;
}

/**
 * Writes through a method of another type on `target`: how a hand-made update puts list
 * content into a map, or a keyed entry into a text or array. No honest client does this.
 */
function listInsert(target: object, content: unknown[]): void {
  Y.Array.prototype.insert.call(target as Y.Array<unknown>, 0, content);
}
function keyedSet(target: object, key: string, value: unknown): void {
  Y.Map.prototype.set.call(target as Y.Map<unknown>, key, value);
}

const CASES: [string, Edit, Setup?][] = [
  // Party text fields
  [
    'typing in buyer.name',
    (doc) => {
      setPartyField(doc, 'buyer', 'name', 'Globex GmbH', ALICE);
      return [ok('buyer.name')];
    },
  ],
  [
    'deleting and inserting characters in seller.address',
    (doc) => {
      const text = partyText(doc, 'seller', 'address');
      text?.delete(0, 2);
      text?.insert(0, 'Lyon, ');
      return [ok('seller.address')];
    },
  ],
  [
    'an attribute set on a party Y.Text',
    (doc) => {
      partyText(doc, 'buyer', 'name')?.setAttribute('bold', true);
      return [bad('buyer.name')];
    },
  ],
  [
    'an embed inserted into a party Y.Text',
    (doc) => {
      partyText(doc, 'buyer', 'name')?.insertEmbed(0, { image: 'x.png' });
      return [bad('buyer.name')];
    },
  ],
  [
    'formatting applied to a party Y.Text',
    (doc) => {
      partyText(doc, 'buyer', 'name')?.format(0, 3, { bold: true });
      return [bad('buyer.name')];
    },
  ],
  [
    'a party Y.Text replaced with a string',
    (doc) => {
      partyMap(doc, 'buyer')?.set('name', 'Globex');
      return [bad('buyer.name')];
    },
  ],
  [
    'an unknown key on a party',
    (doc) => {
      partyMap(doc, 'seller')?.set('iban', 'FR76');
      return [bad('seller.iban')];
    },
  ],
  [
    'a party field deleted',
    (doc) => {
      partyMap(doc, 'seller')?.delete('email');
      return [bad('seller.email')];
    },
  ],
  [
    'list content written into a party map',
    (doc) => {
      listInsert(partyMap(doc, 'buyer') as Y.Map<unknown>, ['junk']);
      return [bad('buyer')];
    },
  ],

  // Header fields
  [
    'currency USD',
    (doc) => {
      setHeaderField(doc, 'currency', 'USD', ALICE);
      return [ok('currency')];
    },
  ],
  [
    'currency usd',
    (doc) => {
      setHeaderField(doc, 'currency', 'usd', ALICE);
      return [bad('currency')];
    },
  ],
  [
    'currency as a number',
    (doc) => {
      invoiceMap(doc).set('currency', 42);
      return [bad('currency')];
    },
  ],
  [
    'currency deleted',
    (doc) => {
      invoiceMap(doc).delete('currency');
      return [bad('currency')];
    },
  ],
  [
    'issueDate 2025-04-01',
    (doc) => {
      setHeaderField(doc, 'issueDate', '2025-04-01', ALICE);
      return [ok('issueDate')];
    },
  ],
  [
    'dueDate 2024-02-29 (a leap day)',
    (doc) => {
      setHeaderField(doc, 'dueDate', '2024-02-29', ALICE);
      return [ok('dueDate')];
    },
  ],
  [
    'dueDate set then cleared',
    (doc) => {
      setHeaderField(doc, 'dueDate', '2025-05-01', ALICE);
      setHeaderField(doc, 'dueDate', '', ALICE);
      return [ok('dueDate')];
    },
  ],
  [
    'issueDate 01/04/2025',
    (doc) => {
      setHeaderField(doc, 'issueDate', '01/04/2025', ALICE);
      return [bad('issueDate')];
    },
  ],
  [
    'issueDate 2025-13-01',
    (doc) => {
      setHeaderField(doc, 'issueDate', '2025-13-01', ALICE);
      return [bad('issueDate')];
    },
  ],
  [
    'dueDate 2025-02-30 (no such day)',
    (doc) => {
      setHeaderField(doc, 'dueDate', '2025-02-30', ALICE);
      return [bad('dueDate')];
    },
  ],
  [
    'dueDate 2025-04-31 (no such day)',
    (doc) => {
      setHeaderField(doc, 'dueDate', '2025-04-31', ALICE);
      return [bad('dueDate')];
    },
  ],
  [
    'issueDate as a Date-like number',
    (doc) => {
      invoiceMap(doc).set('issueDate', 1_743_465_600_000);
      return [bad('issueDate')];
    },
  ],

  // Line fields
  [
    'quantity 3',
    (doc) => {
      setLineField(doc, 'l1', 'quantity', '3.5', ALICE);
      return [ok('lines.l1.quantity')];
    },
  ],
  [
    'unitPrice -120.50 and vatRate cleared',
    (doc) => {
      setLineField(doc, 'l2', 'unitPrice', '-120.50', ALICE);
      setLineField(doc, 'l2', 'vatRate', '', ALICE);
      return [ok('lines.l2.unitPrice'), ok('lines.l2.vatRate')];
    },
  ],
  [
    'quantity abc',
    (doc) => {
      setLineField(doc, 'l1', 'quantity', 'abc', ALICE);
      return [bad('lines.l1.quantity')];
    },
  ],
  [
    'unitPrice 1,5 (not canonical)',
    (doc) => {
      setLineField(doc, 'l3', 'unitPrice', '1,5', ALICE);
      return [bad('lines.l3.unitPrice')];
    },
  ],
  [
    'quantity as a number',
    (doc) => {
      line(doc, 'l1').set('quantity', 3);
      return [bad('lines.l1.quantity')];
    },
  ],
  [
    'a line id changed',
    (doc) => {
      // The line is named by the id it now carries, as the guard's itemPath names its items.
      line(doc, 'l1').set('id', 'l9');
      return [bad('lines.l9.id')];
    },
  ],
  [
    'an unknown key on a line',
    (doc) => {
      line(doc, 'l1').set('discount', '10');
      return [bad('lines.l1.discount')];
    },
  ],
  [
    'a line description replaced with a string',
    (doc) => {
      line(doc, 'l2').set('description', 'Travel');
      return [bad('lines.l2.description')];
    },
  ],
  [
    'typing in a line description',
    (doc) => {
      setLineDescription(doc, 'l2', 'Travel by train', ALICE);
      return [ok('lines.l2.description')];
    },
  ],
  [
    'typing in an empty line description',
    (doc) => {
      lineDescription(line(doc, 'l3'))?.insert(0, 'Support');
      return [ok('lines.l3.description')];
    },
  ],
  [
    'an embed inserted into a line description',
    (doc) => {
      lineDescription(line(doc, 'l3'))?.insertEmbed(0, { x: 1 });
      return [bad('lines.l3.description')];
    },
  ],

  // The line list
  [
    'insertLine',
    (doc) => {
      const id = insertLine(doc, 1, { description: 'New', quantity: '2' }, ALICE);
      return [ok('lines'), ok(`lines.${id}`)];
    },
  ],
  [
    'insertLine at the end, then typing in it',
    (doc) => {
      const id = insertLine(doc, 99, {}, ALICE);
      setLineDescription(doc, id, 'Extra', ALICE);
      setLineField(doc, id, 'quantity', '1', ALICE);
      return [ok('lines'), ok(`lines.${id}`)];
    },
  ],
  [
    'two lines inserted at once',
    (doc) => {
      const a = insertLine(doc, 0, {}, ALICE);
      const b = insertLine(doc, 3, {}, ALICE);
      return [ok('lines'), ok(`lines.${a}`), ok(`lines.${b}`)];
    },
  ],
  [
    'a line map without an id',
    (doc) => {
      const map = buildLine({}, 'a5');
      map.delete('id');
      lines(doc).push([map]);
      return [bad('lines')];
    },
  ],
  [
    'a plain string pushed into the lines',
    (doc) => {
      lines(doc).push(['junk']);
      return [bad('lines')];
    },
  ],
  [
    'several plain values pushed into the lines',
    (doc) => {
      lines(doc).insert(1, [1, 'two', { three: 3 }]);
      return [bad('lines')];
    },
  ],
  [
    'a line whose id duplicates an existing line',
    (doc) => {
      lines(doc).push([buildLine({ id: 'l1' }, 'a5')]);
      return [bad('lines'), ok('lines.l1')];
    },
  ],
  [
    'two new lines with one id',
    (doc) => {
      lines(doc).push([buildLine({ id: 'fresh' }, 'a5'), buildLine({ id: 'fresh' }, 'a6')]);
      return [bad('lines'), ok('lines.fresh')];
    },
  ],
  [
    'a line whose id is not one path segment',
    (doc) => {
      lines(doc).push([buildLine({ id: 'l9.quantity' }, 'a5'), buildLine({ id: '' }, 'a6')]);
      return [bad('lines')];
    },
  ],
  [
    'a line with a malformed quantity',
    (doc) => {
      lines(doc).push([buildLine({ id: 'l9', quantity: 'three' }, 'a5')]);
      return [bad('lines'), ok('lines.l9')];
    },
  ],
  [
    'a line without an order key',
    (doc) => {
      const map = buildLine({ id: 'l9' }, 'a5');
      map.delete('position');
      lines(doc).push([map]);
      return [bad('lines'), ok('lines.l9')];
    },
  ],
  [
    'a line with an order key that is not one',
    (doc) => {
      lines(doc).push([buildLine({ id: 'l9' }, 'a 5!')]);
      return [bad('lines'), ok('lines.l9')];
    },
  ],
  [
    'a line with an unknown key',
    (doc) => {
      const map = buildLine({ id: 'l9' }, 'a5');
      map.set('discount', '10');
      lines(doc).push([map]);
      return [bad('lines'), ok('lines.l9')];
    },
  ],
  [
    'a line whose description is a string',
    (doc) => {
      const map = buildLine({ id: 'l9' }, 'a5');
      map.set('description', 'plain');
      lines(doc).push([map]);
      return [bad('lines'), ok('lines.l9')];
    },
  ],
  [
    'a keyed entry written into the lines array',
    (doc) => {
      keyedSet(lines(doc), 'sneaky', 'x');
      return [bad('lines')];
    },
  ],
  [
    'removeLine',
    (doc) => {
      removeLine(doc, 'l2', ALICE);
      return [ok('lines'), ok('lines.l2')];
    },
  ],
  [
    'a line edited, then removed',
    (doc) => {
      setLineDescription(doc, 'l2', 'Gone', ALICE);
      removeLine(doc, 'l2', ALICE);
      return [ok('lines'), ok('lines.l2')];
    },
  ],
  [
    'a junk entry removed',
    (doc) => {
      lines(doc).delete(3, 1);
      return [ok('lines')];
    },
    (doc) => lines(doc).push(['junk']),
  ],
  [
    'moveLine (a new order key, no copy)',
    (doc) => {
      moveLine(doc, 'l1', 2, ALICE);
      return [ok('lines.l1.position')];
    },
  ],
  [
    'an order key set to junk',
    (doc) => {
      line(doc, 'l2').set('position', '');
      line(doc, 'l3').set('position', 7);
      return [bad('lines.l2.position'), bad('lines.l3.position')];
    },
  ],
  [
    'duplicateLine',
    (doc) => {
      const id = duplicateLine(doc, 'l1', ALICE);
      return [ok('lines'), ok(`lines.${id}`)];
    },
  ],
  [
    'the lines array replaced with a string',
    (doc) => {
      invoiceMap(doc).set('lines', 'none');
      return [bad('lines')];
    },
  ],
  [
    'the lines array replaced with a fresh Y.Array',
    (doc) => {
      invoiceMap(doc).set('lines', new Y.Array());
      return [bad('lines')];
    },
  ],

  // Rich text, edited the way Lexical's collab binding does
  [
    'text typed into a notes paragraph',
    (doc) => {
      const { paragraph } = firstParagraph(doc);
      paragraph.insert(paragraph.length, ' Really.');
      return [ok('notes')];
    },
  ],
  [
    'an attribute set on a notes paragraph',
    (doc) => {
      firstParagraph(doc).paragraph.setAttribute('__format', 2);
      return [ok('notes')];
    },
  ],
  [
    'a key set on a text node inside notes',
    (doc) => {
      firstParagraph(doc).textNode.set('__format', 1);
      return [ok('notes')];
    },
  ],
  [
    'a new paragraph, a deleted one and a format, in one transaction',
    (doc) => {
      const block = new Y.XmlText();
      notes(doc).insertEmbed(2, block);
      block.setAttribute('__type', 'heading');
      block.insert(0, 'Title');
      notes(doc).delete(1, 1);
      const { paragraph, textNode } = firstParagraph(doc);
      paragraph.delete(1, 3);
      textNode.set('__style', 'color: red');
      return [ok('notes')];
    },
  ],
  [
    'typing in terms',
    (doc) => {
      // An empty rich text holds one empty paragraph, with no text node yet.
      const paragraph = (notes(doc, 'terms').toDelta() as { insert: unknown }[])[0]?.insert;
      if (!(paragraph instanceof Y.XmlText)) throw new Error('no paragraph');
      paragraph.insert(0, 'Net 30');
      return [ok('terms')];
    },
  ],
  [
    'notes replaced with a string',
    (doc) => {
      invoiceMap(doc).set('notes', 'plain');
      return [bad('notes')];
    },
  ],
  [
    'notes replaced with a fresh Y.XmlText',
    (doc) => {
      invoiceMap(doc).set('notes', new Y.XmlText());
      return [bad('notes')];
    },
  ],

  // Structure of the invoice map
  [
    'status set',
    (doc) => {
      invoiceMap(doc).set('status', 'issued');
      return [ok('status')];
    },
  ],
  [
    'number and kind set',
    (doc) => {
      invoiceMap(doc).set('number', '2026-000001');
      invoiceMap(doc).set('kind', 'credit_note');
      return [ok('kind'), ok('number')];
    },
  ],
  [
    'the buyer map replaced with a string',
    (doc) => {
      invoiceMap(doc).set('buyer', 'Globex');
      return [bad('buyer')];
    },
  ],
  [
    'the seller map replaced with a fresh Y.Map',
    (doc) => {
      invoiceMap(doc).set('seller', new Y.Map());
      return [bad('seller')];
    },
  ],
  [
    'list content written into the invoice map',
    (doc) => {
      listInsert(invoiceMap(doc), ['junk']);
      return [bad('invoice')];
    },
  ],
  [
    'list content written into a line map',
    (doc) => {
      listInsert(line(doc, 'l2'), [1]);
      return [bad('lines.l2')];
    },
  ],
  [
    'an unknown key on the invoice',
    (doc) => {
      invoiceMap(doc).set('discount', '5');
      return [bad('discount')];
    },
  ],

  // Server-owned roots and comments
  [
    'a lock set',
    (doc) => {
      locksMap(doc).set('buyer.name', { userId: 'alice', name: 'Alice', since: '2026-01-01T00:00:00Z' });
      return [ok('locks.buyer.name')];
    },
  ],
  [
    'a line lock removed',
    (doc) => {
      locksMap(doc).delete('lines.l1.unitPrice');
      return [ok('locks.lines.l1.unitPrice')];
    },
    (doc) => locksMap(doc).set('lines.l1.unitPrice', { userId: 'bob', name: 'Bob', since: '' }),
  ],
  [
    'list content written into the locks map',
    (doc) => {
      listInsert(locksMap(doc), ['junk']);
      return [bad('locks')];
    },
  ],
  [
    'a comment thread created',
    (doc) => {
      const thread = new Y.Map<unknown>();
      thread.set('anchor', 'lines.l1.unitPrice');
      thread.set('messages', Y.Array.from([{ author: 'alice', text: 'Too high?' }]));
      commentsMap(doc).set('t1', thread);
      return [ok('comments.t1')];
    },
  ],
  [
    'a reply and a resolve on an existing thread',
    (doc) => {
      const t0 = thread(doc, 't0');
      (t0.get('messages') as Y.Array<unknown>).push([{ author: 'bob', text: 'Fixed.' }]);
      t0.set('resolved', true);
      return [ok('comments.t0')];
    },
  ],
  [
    'a text inside a nested comment message',
    (doc) => {
      const message = new Y.Map<unknown>();
      message.set('text', new Y.Text('draft'));
      (thread(doc, 't0').get('messages') as Y.Array<unknown>).push([message]);
      return [ok('comments.t0')];
    },
  ],
  [
    'list content written into the comments map',
    (doc) => {
      listInsert(commentsMap(doc), ['junk']);
      return [bad('comments')];
    },
  ],
  [
    'a write to an unknown root',
    (doc) => {
      doc.getText('junk').insert(0, 'x');
      return [bad('?junk')];
    },
  ],
  [
    'a map written at an unknown root',
    (doc) => {
      doc.getMap('extra').set('a', 1);
      doc.getMap('extra').set('b', 2);
      return [bad('?extra')];
    },
  ],

  // Several changes at once
  [
    'many edits in one transaction',
    (doc) => {
      setPartyField(doc, 'buyer', 'name', 'Globex AG', ALICE);
      setPartyField(doc, 'buyer', 'name', 'Globex SE', ALICE);
      setHeaderField(doc, 'currency', 'CHF', ALICE);
      setLineField(doc, 'l1', 'quantity', '4', ALICE);
      setLineField(doc, 'l1', 'vatRate', 'x', ALICE);
      const id = insertLine(doc, 0, {}, ALICE);
      removeLine(doc, 'l3', ALICE);
      firstParagraph(doc).paragraph.insert(0, '» ');
      invoiceMap(doc).set('status', 'paid');
      doc.getText('junk').insert(0, 'x');
      return [
        bad('?junk'),
        ok('buyer.name'),
        ok('currency'),
        ok('lines'),
        ok('lines.l1.quantity'),
        bad('lines.l1.vatRate'),
        ok('lines.l3'),
        ok(`lines.${id}`),
        ok('notes'),
        ok('status'),
      ];
    },
  ],
];

describe('touchedPaths', () => {
  describe.each(CASES)('%s', (_name, edit, setup) => {
    it('on the server document itself', () => {
      const { touched, expected } = local(edit, setup);
      expect(byPath(touched)).toEqual(byPath(expected));
    });

    it('when it arrives as another replica’s update', () => {
      const { touched, expected } = remote(edit, setup);
      expect(byPath(touched)).toEqual(byPath(expected));
    });
  });

  it.each(CASES)(
    'covers every item it changed with a path the guard can revert: %s',
    (_name, edit, setup) => {
      // The guard reverts a refused path by undoing the items whose itemPath is it or under it.
      const doc = serverDoc();
      if (setup) doc.transact(() => setup(doc), SERVER);
      const uncovered: string[] = [];
      const listener = (transaction: Y.Transaction) => {
        const paths = touchedPaths(doc, transaction).map((t) => t.path);
        for (const item of changedItems(doc, transaction)) {
          const path = itemPath(doc, item);
          if (path !== null && !paths.some((p) => path === p || path.startsWith(`${p}.`)))
            uncovered.push(path);
        }
      };
      doc.on('afterTransaction', listener);
      doc.transact(() => edit(doc), ALICE);
      doc.off('afterTransaction', listener);
      expect(uncovered).toEqual([]);
    },
  );

  it('reports each path once, however often a transaction touches it', () => {
    const { touched } = local((doc) => {
      for (const name of ['G', 'Gl', 'Glo', 'Glob']) setPartyField(doc, 'buyer', 'name', name, ALICE);
      setLineField(doc, 'l1', 'quantity', '1', ALICE);
      setLineField(doc, 'l1', 'quantity', '2', ALICE);
      return [];
    });
    expect(touched.map((t) => t.path).sort()).toEqual(['buyer.name', 'lines.l1.quantity']);
  });

  it('keeps a path malformed once any change to it was', () => {
    const { touched } = local((doc) => {
      setLineField(doc, 'l1', 'quantity', 'abc', ALICE);
      setLineField(doc, 'l1', 'quantity', '2', ALICE);
      lines(doc).push(['junk']);
      insertLine(doc, 0, {}, ALICE);
      return [];
    });
    expect(touched.find((t) => t.path === 'lines')).toEqual(bad('lines'));
  });

  it('sees nothing in a transaction that changes nothing', () => {
    const doc = serverDoc();
    const seen = touchedBy(doc, () => setHeaderField(doc, 'currency', 'EUR', ALICE));
    expect(seen).toEqual([[]]);
  });

  it('sees the second of two concurrent moves of one line as an order-key change', () => {
    const server = serverDoc();
    const alice = replica(server);
    const bob = replica(server);
    moveLine(alice, 'l1', 2, ALICE);
    moveLine(bob, 'l1', 1, ALICE);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(alice));
    const update = Y.encodeStateAsUpdate(bob, Y.encodeStateVector(server));
    const seen = touchedBy(server, () => Y.applyUpdate(server, update));
    expect(seen).toEqual([[ok('lines.l1.position')]]);
  });

  it('sees a copy of an existing line pushed by a hand-made update as malformed', () => {
    const server = serverDoc();
    const mallory = replica(server);
    const before = Y.encodeStateVector(mallory);
    // What an old client's delete-and-reinsert move looked like, minus the delete.
    lines(mallory).push([buildLine({ id: 'l2', description: 'Travel' }, 'Zz')]);
    const seen = touchedBy(server, () => Y.applyUpdate(server, Y.encodeStateAsUpdate(mallory, before)));
    expect(seen.map(byPath)).toEqual([[bad('lines'), ok('lines.l2')]]);
  });

  it('lets a line be removed and re-added under its id in one transaction', () => {
    const { touched } = local((doc) => {
      const copy = buildLine({ id: 'l2', description: 'Travel' }, 'a0V');
      removeLine(doc, 'l2', ALICE);
      lines(doc).push([copy]);
      return [];
    });
    expect(byPath(touched)).toEqual([ok('lines'), ok('lines.l2')]);
  });

  it('names comment threads on a server document that never created the comments root', () => {
    const server = new Y.Doc();
    initInvoiceDoc(server, {}, SERVER);
    const client = replica(server);
    const before = Y.encodeStateVector(client);
    commentsMap(client).set('t1', new Y.Map());
    const seen = touchedBy(server, () => Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before)));
    expect(seen).toEqual([[ok('comments.t1')]]);
  });
});
