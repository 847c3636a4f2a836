import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addThread } from '../comments/threads.ts';
import { initInvoiceDoc, setServerFields } from '../invoice/create.ts';
import {
  insertLine,
  moveLine,
  removeLine,
  setLineDescription,
  setLineField,
  setPartyField,
} from '../invoice/edit.ts';
import { readInvoice } from '../invoice/read.ts';
import { commentsMap, locksMap, richText } from '../invoice/schema.ts';
import {
  describeChange,
  diffComments,
  diffInvoices,
  diffLocks,
  diffViews,
  type FieldChange,
  isTypingChange,
  mergeChanges,
  textChangeSize,
} from './diff.ts';
import { readAuditView } from './view.ts';

function invoiceDoc(): Y.Doc {
  const doc = new Y.Doc();
  initInvoiceDoc(
    doc,
    {
      buyer: { name: 'ACME' },
      lines: [
        { id: 'l1', description: 'Design', quantity: '1', unitPrice: '100', vatRate: '20' },
        { id: 'l2', description: 'Print', quantity: '5', unitPrice: '2', vatRate: '20' },
        { id: 'l3', description: 'Consulting', quantity: '2', unitPrice: '300', vatRate: '20' },
      ],
      notes: 'Thanks',
    },
    null,
  );
  return doc;
}

/** Runs `edit` on a fresh invoice and returns what changed, in words. */
function changesOf(edit: (doc: Y.Doc) => void): string[] {
  const doc = invoiceDoc();
  const before = readAuditView(doc);
  edit(doc);
  return diffViews(before, readAuditView(doc)).map(describeChange);
}

describe('diffInvoices in words', () => {
  it('names text fields with their old and new value', () => {
    expect(changesOf((doc) => setPartyField(doc, 'buyer', 'name', 'ACME SAS', null))).toEqual([
      'buyer.name: "ACME" → "ACME SAS"',
    ]);
  });

  it('numbers lines from 1 and names them by description', () => {
    expect(changesOf((doc) => setLineField(doc, 'l3', 'quantity', '3', null))).toEqual([
      'line 3 (Consulting) quantity 2 → 3',
    ]);
    expect(changesOf((doc) => setLineDescription(doc, 'l1', 'Logo design', null))).toEqual([
      'line 1 description: "Design" → "Logo design"',
    ]);
    expect(changesOf((doc) => setLineField(doc, 'l2', 'unitPrice', '', null))).toEqual([
      'line 2 (Print) unitPrice 2 → (empty)',
    ]);
  });

  it('tells inserted, removed and moved lines apart (an insert moves nothing)', () => {
    expect(changesOf((doc) => insertLine(doc, 3, { description: 'Travel' }, null))).toEqual([
      'line inserted at 4 (Travel)',
    ]);
    expect(changesOf((doc) => insertLine(doc, 0, {}, null))).toEqual(['line inserted at 1']);
    expect(changesOf((doc) => removeLine(doc, 'l2', null))).toEqual(['line 2 (Print) removed']);
    expect(changesOf((doc) => moveLine(doc, 'l1', 2, null))).toEqual(['line 1 (Design) moved to 3']);
  });

  it('counts characters for rich text', () => {
    const lines = changesOf((doc) => {
      const notes = richText(doc, 'notes') as Y.XmlText;
      const paragraph = notes.toDelta()[0].insert as Y.XmlText;
      // The text node's property map sits at 0: "Thanks" is 1..6.
      doc.transact(() => {
        paragraph.delete(1, 1);
        paragraph.insert(1, 'Many t');
      });
      paragraph.insert(12, ' again');
    });
    expect(lines).toEqual(['notes edited (+12 −1 chars)']);
  });

  it('reports server-owned changes and nothing else', () => {
    const doc = invoiceDoc();
    const before = readInvoice(doc);
    setServerFields(doc, { status: 'issued', number: '2026-000042' }, null);
    expect(diffInvoices(before, readInvoice(doc)).map(describeChange)).toEqual([
      'status: draft → issued',
      'number: (none) → 2026-000042',
    ]);
    expect(diffInvoices(before, before)).toEqual([]);
  });

  it('quotes long or multi-line text safely', () => {
    const [change] = changesOf((doc) =>
      setPartyField(doc, 'buyer', 'address', `1 rue X\n${'a'.repeat(100)}`, null),
    );
    expect(change).toMatch(/^buyer\.address: "" → "1 rue X\\na+…"$/);
  });
});

describe('locks and comments', () => {
  it('turns lock map changes into taken and released', () => {
    const holder = { userId: 'u1', name: 'Alice Martin', since: '2026-01-01T00:00:00Z' };
    expect(diffLocks({}, { 'buyer.name': holder }).map(describeChange)).toEqual([
      'lock taken on buyer.name by Alice Martin',
    ]);
    expect(diffLocks({ 'buyer.name': holder }, {}).map(describeChange)).toEqual([
      'lock on buyer.name released (was held by Alice Martin)',
    ]);
    const handedOver = diffLocks({ notes: holder }, { notes: { ...holder, userId: 'u2', name: 'Bob' } });
    expect(handedOver.map((c) => c.type)).toEqual(['lockReleased', 'lockTaken']);
  });

  it('reads comment threads leniently and never names the author they claim', () => {
    const thread = {
      anchor: { path: 'buyer.vatId' },
      author: { id: 'forged', name: 'The CEO' },
      messages: [{ text: 'Is this VAT id right?' }],
      resolved: false,
    };
    const replied = { ...thread, messages: [...thread.messages, { body: 'Yes, checked.' }] };
    expect(diffComments({}, { t1: thread }).map(describeChange)).toEqual([
      'comment on buyer.vatId added: "Is this VAT id right?"',
    ]);
    expect(diffComments({ t1: thread }, { t1: replied }).map(describeChange)).toEqual([
      'reply to comment on buyer.vatId: "Yes, checked."',
    ]);
    expect(diffComments({ t1: replied }, { t1: { ...replied, resolved: true } }).map(describeChange)).toEqual(
      ['comment on buyer.vatId resolved'],
    );
    expect(diffComments({ t1: { ...thread, resolved: true } }, { t1: thread }).map(describeChange)).toEqual([
      'comment on buyer.vatId reopened',
    ]);
    expect(diffComments({ t1: thread }, {}).map(describeChange)).toEqual(['comment on buyer.vatId removed']);
    expect(diffComments({ t2: 1 }, { t2: 2 }).map(describeChange)).toEqual(['comment edited']);
    const onLine = { anchor: { type: 'line', lineId: 'l2' }, messages: [{ text: 'Why 5?' }] };
    expect(diffComments({}, { t3: onLine }).map(describeChange)).toEqual([
      'comment on lines.l2 added: "Why 5?"',
    ]);
    expect(JSON.stringify(diffComments({}, { t1: thread }))).not.toContain('CEO');
  });

  it('reads the lock map and comment threads of a real document', () => {
    const doc = invoiceDoc();
    const before = readAuditView(doc);
    doc.transact(() => locksMap(doc).set('notes', { userId: 'u1', name: 'Alice', since: 'x' }));
    const thread = addThread(
      doc,
      { anchor: { type: 'field', path: 'notes' }, author: { id: 'u1', name: 'Alice' }, text: 'typo' },
      null,
    );
    const middle = readAuditView(doc);
    expect(diffViews(before, middle).map(describeChange)).toEqual([
      'lock taken on notes by Alice',
      'comment on notes added: "typo"',
    ]);
    const messages = (commentsMap(doc).get(thread) as Y.Map<unknown>).get('messages') as Y.Array<unknown>;
    messages.push([{ id: 'm2', authorId: 'u2', authorName: 'Bob', text: 'fixed', at: 'x' }]);
    expect(diffViews(middle, readAuditView(doc)).map(describeChange)).toEqual([
      'reply to comment on notes: "fixed"',
    ]);
  });
});

describe('grouping helpers', () => {
  it('merges keystrokes on one path into first-before → last-after', () => {
    const a: FieldChange = { type: 'value', path: 'buyer.name', before: 'ACME', after: 'ACME ' };
    const b: FieldChange = { type: 'value', path: 'buyer.name', before: 'ACME ', after: 'ACME SAS' };
    expect(describeChange(mergeChanges(a, b) as FieldChange)).toBe('buyer.name: "ACME" → "ACME SAS"');
    const r1: FieldChange = {
      type: 'richText',
      path: 'notes',
      before: 'abc',
      after: 'abcd',
      inserted: 1,
      deleted: 0,
    };
    const r2: FieldChange = {
      type: 'richText',
      path: 'notes',
      before: 'abcd',
      after: 'bcde',
      inserted: 1,
      deleted: 1,
    };
    expect(mergeChanges(r1, r2)).toMatchObject({ inserted: 2, deleted: 1, before: 'abc', after: 'bcde' });
    expect(mergeChanges(a, r1)).toBeNull();
  });

  it('groups only typing: text fields, descriptions and rich text', () => {
    const value = (path: string): FieldChange => ({ type: 'value', path, before: '', after: 'x' });
    expect(isTypingChange(value('buyer.name'))).toBe(true);
    expect(isTypingChange(value('lines.l1.description'))).toBe(true);
    expect(isTypingChange(value('lines.l1.quantity'))).toBe(false);
    expect(isTypingChange(value('status'))).toBe(false);
    expect(isTypingChange(value('issueDate'))).toBe(false);
  });

  it('counts characters by code point, not UTF-16 unit', () => {
    expect(textChangeSize('a😀b', 'ab')).toEqual({ inserted: 0, deleted: 1 });
    expect(textChangeSize('aaa', 'aaaa')).toEqual({ inserted: 1, deleted: 0 });
    expect(textChangeSize('', '')).toEqual({ inserted: 0, deleted: 0 });
  });
});
