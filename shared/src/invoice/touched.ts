import * as Y from 'yjs';
import { isDecimalString } from '../money/index.ts';
import { ORDER_KEY_PATTERN } from './order.ts';
import { linePath } from './paths.ts';
import {
  HEADER_FIELDS,
  KEY,
  LINE_KEY,
  LINE_NUMBER_FIELDS,
  linesArray,
  PARTIES,
  PARTY_FIELDS,
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
      else for (const key of keys) add(key === null ? root : `${root}.${key}`, key === null);
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
      // A keyed entry on the array is invisible to readers, but only a hand-made update writes one.
      if ([...keys].some((key) => key !== null)) add(KEY.lines, true);
      continue;
    }
    if (type instanceof Y.Map) {
      for (const key of keys) {
        // List content inside a map (null key) is likewise junk; name the map that holds it.
        if (key === null) add(richOrTextPath(rest) || ROOT.invoice, true);
        else add(richOrTextPath([...rest, key]), !isWellFormedMapValue(rest, key, type.get(key)));
      }
      continue;
    }
    // Text content: the path is the field that holds it, however deep.
    add(richOrTextPath(rest), !isWellFormedTextChange(transaction, type as AnyType, rest, keys));
  }
  return [...out.values()];
}

/**
 * Segments from the root type's name down to `type`: map keys, and line ids for entries of the
 * lines array (so a path survives reordering). Positions inside rich text are dropped.
 */
function locate(
  doc: Y.Doc,
  type: AnyType,
  lines: Y.Array<unknown> | null,
  stopAtDeleted = true,
): string[] | null {
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

/** A line id is one segment of a field path, and as safe in a log line as a document id. */
const LINE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function isNewItem(transaction: Y.Transaction, item: Y.Item): boolean {
  return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}

function lineListChanges(transaction: Y.Transaction, lines: Y.Array<unknown>): TouchedPath[] {
  const changes: TouchedPath[] = [];
  const idOf = (value: unknown) => (value instanceof Y.Map ? rawLineId(value as AnyType) : null);
  // Ids of lines that were there before and still are. A new line may not reuse one: readers
  // would hide it (or the original). A move deletes the original first, so it passes; the
  // second copy of a line two people moved at once does not, and is reverted.
  const taken = new Set<string>();
  for (let item = lines._start; item !== null; item = item.right) {
    if (item.deleted || isNewItem(transaction, item)) continue;
    for (const value of item.content.getContent()) {
      const id = idOf(value);
      if (id !== null) taken.add(id);
    }
  }
  for (let item = lines._start; item !== null; item = item.right) {
    if (item.deleted || !isNewItem(transaction, item)) continue;
    for (const value of item.content.getContent()) {
      const id = idOf(value);
      if (id === null || !LINE_ID.test(id)) {
        changes.push({ path: 'lines', malformed: true });
        continue;
      }
      changes.push({ path: 'lines', malformed: taken.has(id) || !isWellFormedLine(value) });
      changes.push({ path: linePath(id), malformed: false });
      taken.add(id);
    }
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

const LINE_KEYS: readonly string[] = [
  LINE_KEY.id,
  LINE_KEY.position,
  LINE_KEY.description,
  ...LINE_NUMBER_FIELDS,
];

function isWellFormedLine(value: unknown): boolean {
  if (!(value instanceof Y.Map)) return false;
  if ([...value.keys()].some((key) => !LINE_KEYS.includes(key))) return false;
  if (typeof value.get(LINE_KEY.id) !== 'string') return false;
  if (!(value.get(LINE_KEY.description) instanceof Y.Text)) return false;
  if (!isOrderKey(value.get(LINE_KEY.position))) return false;
  return LINE_NUMBER_FIELDS.every((field) => isDecimalOrEmpty(value.get(field)));
}

function isOrderKey(value: unknown): boolean {
  return typeof value === 'string' && ORDER_KEY_PATTERN.test(value);
}

function isDecimalOrEmpty(value: unknown): boolean {
  return typeof value === 'string' && (value === '' || isDecimalString(value));
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `YYYY-MM-DD` naming a real day: no 2025-02-30, as the HTTP API's `z.iso.date()` refuses. */
function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(0);
  date.setUTCFullYear(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * Party fields and line descriptions are plain `Y.Text`: characters only. An embed, a format
 * or an attribute is invisible to readers, and never written by an honest client.
 */
function isWellFormedTextChange(
  transaction: Y.Transaction,
  type: AnyType,
  path: string[],
  keys: Set<string | null>,
): boolean {
  if (!(type instanceof Y.Text) || type instanceof Y.XmlText) return false;
  if ([...keys].some((key) => key !== null)) return false;
  const [head, second, third, ...more] = path;
  const isPartyField = has(PARTIES, head) && has(PARTY_FIELDS, second) && third === undefined;
  const isDescription = head === KEY.lines && third === LINE_KEY.description && more.length === 0;
  if (!isPartyField && !isDescription) return false;
  // Only this transaction's structs, found through the struct store: walking the whole text
  // would cost one step per character ever typed in the field, on every keystroke.
  for (const item of newItems(transaction)) {
    if (item.parent === type && !item.deleted && !(item.content instanceof Y.ContentString)) return false;
  }
  return true;
}

/** The items a transaction created (before Yjs merges them into their neighbours). */
function* newItems(transaction: Y.Transaction): Generator<Y.Item> {
  const clients = transaction.doc.store.clients;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    const structs = clients.get(client);
    if (after <= before || structs === undefined) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i] as Y.Item | Y.GC;
      if (struct.id.clock >= after) break;
      if (struct instanceof Y.Item) yield struct;
    }
  }
}

const has = (list: readonly string[], value: string | undefined) =>
  value !== undefined && list.includes(value);

/** Whether a plain value set on a map has the shape the schema gives that key. */
function isWellFormedMapValue(mapPath: string[], key: string, value: unknown): boolean {
  if (mapPath.length === 0) {
    if (key === KEY.currency) return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
    if ((HEADER_FIELDS as readonly string[]).includes(key))
      return typeof value === 'string' && (value === '' || isDate(value));
    // Server-owned keys are refused by rights, with that reason; every other root key holds a
    // nested type, and replacing one is structural.
    return (SERVER_OWNED_KEYS as readonly string[]).includes(key);
  }
  const [head, lineIdSegment] = mapPath;
  if ((PARTIES as readonly string[]).includes(head ?? '') && mapPath.length === 1) {
    return false; // party fields are Y.Text: replacing one breaks merging
  }
  if (head === KEY.lines && lineIdSegment !== undefined && mapPath.length === 2) {
    if (key === LINE_KEY.position) return isOrderKey(value);
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
  // List content in the invoice map itself has no field; touchedPaths names it `invoice` too.
  return richOrTextPath(own) || ROOT.invoice;
}
