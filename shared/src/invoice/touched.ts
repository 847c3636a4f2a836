import * as Y from 'yjs';
import { isDecimalString } from '../money/index.ts';
import { linePath } from './paths.ts';
import {
  HEADER_FIELDS,
  KEY,
  LINE_KEY,
  LINE_NUMBER_FIELDS,
  linesArray,
  PARTIES,
  RICH_TEXT_FIELDS,
  ROOT,
  SERVER_OWNED_KEYS,
} from './schema.ts';

/**
 * What one Yjs transaction changed, as field paths. `malformed` marks a change that breaks the
 * document's shape (a nested type replaced, a value of the wrong type or form, an unknown key
 * or root): nobody may make those, whatever their rights.
 */
export interface TouchedPath {
  path: string;
  malformed: boolean;
}

type AnyType = Y.AbstractType<unknown>;

export function touchedPaths(doc: Y.Doc, transaction: Y.Transaction): TouchedPath[] {
  const out = new Map<string, TouchedPath>();
  const add = (path: string, malformed: boolean) => {
    const prev = out.get(path);
    out.set(path, { path, malformed: malformed || (prev?.malformed ?? false) });
  };
  const lines = linesArray(doc);
  for (const [type, keys] of transaction.changed) {
    const segments = locate(doc, type as AnyType, lines);
    if (segments === null) continue; // inside a type deleted in this same transaction
    const [root, ...rest] = segments;
    if (root === ROOT.locks || root === ROOT.comments) {
      // Root map keys are lock paths / thread ids; anything deeper belongs to one of them.
      if (rest.length > 0) add(`${root}.${rest[0]}`, false);
      else for (const key of keys) if (key !== null) add(`${root}.${key}`, false);
      continue;
    }
    if (root !== ROOT.invoice) {
      add(`?${root}`, true);
      continue;
    }
    if ((RICH_TEXT_FIELDS as readonly string[]).includes(rest[0] ?? '')) {
      // Lexical's blocks, text nodes and their property maps all live under the rich-text root.
      add(rest[0] as string, false);
      continue;
    }
    if (type === lines) {
      for (const change of lineListChanges(transaction, lines)) add(change.path, change.malformed);
      continue;
    }
    if (type instanceof Y.Map) {
      for (const key of keys) {
        if (key === null) continue;
        const path = [...rest, key].join('.');
        add(path, !isWellFormedMapValue(rest, key, type.get(key)));
      }
      continue;
    }
    // Text and XML content: the path is the field that holds it, however deep.
    add(richOrTextPath(rest), false);
  }
  return [...out.values()];
}

/**
 * Segments from the root type's name down to `type`: map keys, and line ids for entries of the
 * lines array (so a path survives reordering). Positions inside rich text are dropped.
 */
function locate(doc: Y.Doc, type: AnyType, lines: Y.Array<unknown> | null, stopAtDeleted = true): string[] | null {
  const segments: string[] = [];
  let current: AnyType = type;
  while (current._item !== null) {
    const item = current._item;
    if (stopAtDeleted && item.deleted && current !== type) return null;
    const parent = item.parent as AnyType;
    if (item.parentSub !== null) segments.unshift(item.parentSub);
    else if (parent === lines) segments.unshift(rawLineId(current) ?? '?');
    else segments.unshift('#');
    current = parent;
  }
  for (const [name, shared] of doc.share) if (shared === current) return [name, ...segments];
  return stopAtDeleted ? ['?'] : null;
}

function richOrTextPath(rest: string[]): string {
  const head = rest[0] ?? '';
  if ((RICH_TEXT_FIELDS as readonly string[]).includes(head)) return head;
  const cut = rest.indexOf('#');
  return (cut === -1 ? rest : rest.slice(0, cut)).join('.');
}

/** Reads a map key even when its item was deleted in this transaction (a removed line). */
function rawLineId(type: AnyType): string | null {
  const item = type._map.get(LINE_KEY.id);
  const value = item?.content.getContent()[item.length - 1];
  return typeof value === 'string' ? value : null;
}

function lineListChanges(transaction: Y.Transaction, lines: Y.Array<unknown>): TouchedPath[] {
  const changes: TouchedPath[] = [];
  const seen = new Set<string>();
  let item = lines._start;
  while (item !== null) {
    const before = transaction.beforeState.get(item.id.client) ?? 0;
    if (!item.deleted && item.id.clock >= before) {
      for (const value of item.content.getContent()) {
        const id = value instanceof Y.Map ? rawLineId(value as AnyType) : null;
        changes.push({ path: 'lines', malformed: !isWellFormedLine(value) || id === null || seen.has(id) });
        if (id) seen.add(id);
        if (id) changes.push({ path: linePath(id), malformed: false });
      }
    }
    item = item.right;
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || struct.parent !== lines) return;
    const value = struct.content.getContent()[0];
    const id = value instanceof Y.Map ? rawLineId(value as AnyType) : null;
    changes.push({ path: 'lines', malformed: false });
    if (id) changes.push({ path: linePath(id), malformed: false });
  });
  return changes;
}

function isWellFormedLine(value: unknown): boolean {
  if (!(value instanceof Y.Map)) return false;
  if (typeof value.get(LINE_KEY.id) !== 'string') return false;
  if (!(value.get(LINE_KEY.description) instanceof Y.Text)) return false;
  return LINE_NUMBER_FIELDS.every((field) => isDecimalOrEmpty(value.get(field)));
}

function isDecimalOrEmpty(value: unknown): boolean {
  return typeof value === 'string' && (value === '' || isDecimalString(value));
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether a plain value set on a map has the shape the schema gives that key. */
function isWellFormedMapValue(mapPath: string[], key: string, value: unknown): boolean {
  if (mapPath.length === 0) {
    if (key === KEY.currency) return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
    if ((HEADER_FIELDS as readonly string[]).includes(key))
      return typeof value === 'string' && (value === '' || DATE.test(value));
    // Server-owned keys are refused by rights, with that reason; every other root key holds a
    // nested type, and replacing one is structural.
    return (SERVER_OWNED_KEYS as readonly string[]).includes(key);
  }
  const [head, lineIdSegment] = mapPath;
  if ((PARTIES as readonly string[]).includes(head ?? '') && mapPath.length === 1) {
    return false; // party fields are Y.Text: replacing one breaks merging
  }
  if (head === KEY.lines && lineIdSegment !== undefined && mapPath.length === 2) {
    return (LINE_NUMBER_FIELDS as readonly string[]).includes(key) && isDecimalOrEmpty(value);
  }
  return false;
}

/**
 * The field path one Yjs item belongs to: what the guard uses to revert exactly the parts of
 * a transaction that were refused. Null for items outside the invoice's known roots.
 */
export function itemPath(doc: Y.Doc, item: Y.Item): string | null {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return null;
  const lines = linesArray(doc);
  // A removed line's children still belong to it, so walk through deleted parents here.
  const segments = locate(doc, parent as AnyType, lines, false);
  if (segments === null) return null;
  const [root, ...rest] = segments;
  if (root === ROOT.locks || root === ROOT.comments) {
    const key = rest[0] ?? item.parentSub;
    return key ? `${root}.${key}` : root;
  }
  if (root !== ROOT.invoice) return null;
  if ((RICH_TEXT_FIELDS as readonly string[]).includes(rest[0] ?? '')) return rest[0] as string;
  if (parent === lines) {
    const value = item.content.getContent()[0];
    const id = value instanceof Y.Map ? rawLineId(value as AnyType) : null;
    return id ? linePath(id) : 'lines';
  }
  const own = item.parentSub !== null ? [...rest, item.parentSub] : rest;
  return richOrTextPath(own);
}
