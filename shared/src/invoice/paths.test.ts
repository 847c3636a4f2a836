import { describe, expect, it } from 'vitest';
import {
  isLockablePath,
  lineIdOfPath,
  linePath,
  type PathFamily,
  pathFamily,
  pathsOverlap,
} from './paths.ts';
import {
  HEADER_FIELDS,
  LINE_NUMBER_FIELDS,
  PARTIES,
  PARTY_FIELDS,
  RICH_TEXT_FIELDS,
  SERVER_OWNED_KEYS,
} from './schema.ts';

const FAMILIES: [path: string, family: PathFamily][] = [
  ...HEADER_FIELDS.map((f): [string, PathFamily] => [f, 'header']),
  ...PARTIES.map((p): [string, PathFamily] => [p, 'party']),
  ...PARTIES.flatMap((p) => PARTY_FIELDS.map((f): [string, PathFamily] => [`${p}.${f}`, 'party'])),
  ['lines', 'lineList'],
  ['lines.l1', 'lineField'],
  ['lines.k3x9a0b2c4d5', 'lineField'],
  ['lines.l1.description', 'lineField'],
  ...LINE_NUMBER_FIELDS.map((f): [string, PathFamily] => [`lines.l1.${f}`, 'lineField']),
  ...RICH_TEXT_FIELDS.map((f): [string, PathFamily] => [f, 'richText']),
  ...SERVER_OWNED_KEYS.map((k): [string, PathFamily] => [k, 'serverOwned']),
  ['locks', 'locks'],
  ['locks.buyer.name', 'locks'],
  ['locks.lines.l1.unitPrice', 'locks'],
  ['comments', 'comments'],
  ['comments.t1', 'comments'],
  ['comments.t1.messages.0', 'comments'],
  // Anything the grammar does not name
  ['', 'unknown'],
  ['?junk', 'unknown'],
  ['invoice', 'unknown'],
  ['discount', 'unknown'],
  ['currency.code', 'unknown'],
  ['issueDate.year', 'unknown'],
  ['notes.0', 'unknown'],
  ['status.value', 'unknown'],
  ['buyer.iban', 'unknown'],
  ['buyer.name.first', 'unknown'],
  ['buyer.', 'unknown'],
  ['payer', 'unknown'],
  ['payer.name', 'unknown'],
  ['lines.', 'unknown'],
  ['lines..quantity', 'unknown'],
  ['lines.l1.id', 'unknown'],
  ['lines.l1.discount', 'unknown'],
  ['lines.l1.quantity.extra', 'unknown'],
  ['line.l1', 'unknown'],
  ['Lines.l1', 'unknown'],
];

const LOCKABLE = new Set<PathFamily>(['header', 'party', 'lineField', 'richText']);

describe('pathFamily', () => {
  it.each(FAMILIES)('%j is %s', (path, family) => {
    expect(pathFamily(path)).toBe(family);
  });
});

describe('isLockablePath', () => {
  it.each(FAMILIES)('%j (%s)', (path, family) => {
    expect(isLockablePath(path)).toBe(LOCKABLE.has(family));
  });

  it('locks a field, a party block, a whole line, a line field and a rich text', () => {
    for (const path of ['dueDate', 'buyer', 'seller.vatId', 'lines.l1', 'lines.l1.unitPrice', 'terms'])
      expect(isLockablePath(path)).toBe(true);
  });

  it('never locks the line list, comments, locks or server-owned keys', () => {
    for (const path of ['lines', 'comments.t1', 'locks.buyer', 'status', 'number', 'kind', 'schemaVersion'])
      expect(isLockablePath(path)).toBe(false);
  });
});

describe('pathsOverlap', () => {
  const CASES: [a: string, b: string, overlap: boolean][] = [
    ['buyer.name', 'buyer.name', true],
    ['buyer', 'buyer.name', true],
    ['lines.l1', 'lines.l1.unitPrice', true],
    ['lines.l1.unitPrice', 'lines.l1.unitPrice', true],
    ['lines', 'lines', true],
    ['buyer.name', 'buyer.address', false],
    ['buyer', 'seller.name', false],
    ['buyer', 'buyerX', false],
    ['buyer.name', 'buyer.nameX', false],
    ['lines.l1', 'lines.l10', false],
    ['lines.l1', 'lines.l10.quantity', false],
    ['lines.l1.quantity', 'lines.l1.unitPrice', false],
    ['lines.l1', 'lines.l2', false],
    ['notes', 'terms', false],
    ['currency', 'issueDate', false],
    // The list stands for membership and order: adding a line does not touch a locked one.
    ['lines', 'lines.l1', false],
    ['lines', 'lines.l1.unitPrice', false],
    ['', 'buyer', false],
  ];

  it.each(CASES)('%j and %j → %s', (a, b, overlap) => {
    expect(pathsOverlap(a, b)).toBe(overlap);
    expect(pathsOverlap(b, a)).toBe(overlap);
  });
});

describe('linePath and lineIdOfPath', () => {
  it.each([
    ['l1', undefined, 'lines.l1'],
    ['l1', 'unitPrice', 'lines.l1.unitPrice'],
    ['k3x9a0b2c4d5', 'description', 'lines.k3x9a0b2c4d5.description'],
    ['l1', '', 'lines.l1'],
  ])('linePath(%j, %j) is %j', (id, field, path) => {
    expect(linePath(id, field)).toBe(path);
  });

  it.each([
    ['lines.l1', 'l1'],
    ['lines.l1.quantity', 'l1'],
    ['lines.k3x9a0b2c4d5.description', 'k3x9a0b2c4d5'],
    ['lines', null],
    ['lines.', null],
    ['locks.lines.l1', null],
    ['comments.lines', null],
    ['buyer.name', null],
    ['linesX.l1', null],
    ['', null],
  ])('lineIdOfPath(%j) is %j', (path, id) => {
    expect(lineIdOfPath(path)).toBe(id);
  });

  it('round-trips every line path, and every one is a line field', () => {
    for (const field of [undefined, 'description', ...LINE_NUMBER_FIELDS]) {
      const path = linePath('abc123', field);
      expect(lineIdOfPath(path)).toBe('abc123');
      expect(pathFamily(path)).toBe('lineField');
      expect(isLockablePath(path)).toBe(true);
    }
  });
});
