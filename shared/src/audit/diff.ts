import { linePath } from '../invoice/paths.ts';
import {
  HEADER_FIELDS,
  LINE_NUMBER_FIELDS,
  PARTIES,
  PARTY_FIELDS,
  RICH_TEXT_FIELDS,
  type RichTextField,
} from '../invoice/schema.ts';
import type { Invoice, InvoiceLine } from '../invoice/types.ts';
import type { AuditView } from './view.ts';

/**
 * Field-level differences between two readable states of an invoice (DESIGN §5), as data and
 * as words a person understands (`describeChange`). Pure: the server's change log, the diff API and
 * a browser can all use it. Paths are the field paths of `invoice/paths.ts`.
 */

/** A line as a person refers to it: its 1-based number on the page and its description. */
export interface LineRef {
  id: string;
  number: number;
  description: string;
}

export interface LockHolderInfo {
  userId: string | null;
  name: string | null;
}

export type CommentAction = 'added' | 'replied' | 'resolved' | 'reopened' | 'edited' | 'removed';

export type FieldChange =
  /** A plain value or a plain text field; `line` is set for a line's fields. */
  | { type: 'value'; path: string; before: string | null; after: string | null; line?: LineRef }
  | {
      type: 'richText';
      path: RichTextField;
      before: string;
      after: string;
      inserted: number;
      deleted: number;
    }
  | { type: 'lineInserted'; path: string; line: LineRef; values: InvoiceLine }
  | { type: 'lineRemoved'; path: string; line: LineRef; values: InvoiceLine }
  /** `from` is the line's number before, `line.number` after. */
  | { type: 'lineMoved'; path: string; line: LineRef; from: number }
  | { type: 'lockTaken'; path: string; field: string; holder: LockHolderInfo }
  | { type: 'lockReleased'; path: string; field: string; holder: LockHolderInfo }
  | {
      type: 'comment';
      path: string;
      threadId: string;
      action: CommentAction;
      anchor: string | null;
      text: string | null;
    };

export function diffViews(before: AuditView, after: AuditView): FieldChange[] {
  return [
    ...diffInvoices(before.invoice, after.invoice),
    ...diffLocks(before.locks, after.locks),
    ...diffComments(before.comments, after.comments),
  ];
}

export function diffInvoices(before: Invoice, after: Invoice): FieldChange[] {
  const out: FieldChange[] = [];
  const value = (path: string, a: string | null, b: string | null, line?: LineRef) => {
    if (a !== b)
      out.push(
        line
          ? { type: 'value', path, before: a, after: b, line }
          : { type: 'value', path, before: a, after: b },
      );
  };
  if (before.schemaVersion !== after.schemaVersion)
    value('schemaVersion', String(before.schemaVersion), String(after.schemaVersion));
  for (const field of HEADER_FIELDS) value(field, before[field], after[field]);
  for (const party of PARTIES) {
    for (const field of PARTY_FIELDS) value(`${party}.${field}`, before[party][field], after[party][field]);
  }
  out.push(...diffLines(before.lines, after.lines));
  for (const field of RICH_TEXT_FIELDS) {
    if (before[field] !== after[field]) out.push(richTextChange(field, before[field], after[field]));
  }
  value('status', before.status, after.status);
  value('number', before.number, after.number);
  value('kind', before.kind, after.kind);
  return out;
}

function lineRef(line: InvoiceLine, index: number): LineRef {
  return { id: line.id, number: index + 1, description: line.description };
}

function diffLines(before: readonly InvoiceLine[], after: readonly InvoiceLine[]): FieldChange[] {
  const out: FieldChange[] = [];
  const beforeIndex = new Map(before.map((line, i) => [line.id, i]));
  const afterIndex = new Map(after.map((line, i) => [line.id, i]));
  before.forEach((line, i) => {
    if (!afterIndex.has(line.id))
      out.push({ type: 'lineRemoved', path: linePath(line.id), line: lineRef(line, i), values: line });
  });
  after.forEach((line, i) => {
    if (!beforeIndex.has(line.id))
      out.push({ type: 'lineInserted', path: linePath(line.id), line: lineRef(line, i), values: line });
  });
  // Lines present on both sides whose relative order changed: the ones outside the longest run
  // that kept its order are the ones that moved (inserting or removing a line moves nothing).
  const common = after.flatMap((line, i) => {
    const from = beforeIndex.get(line.id);
    return from === undefined ? [] : [{ line, to: i, from }];
  });
  const kept = longestIncreasingRun(common.map((c) => c.from));
  common.forEach((c, k) => {
    if (!kept.has(k))
      out.push({
        type: 'lineMoved',
        path: linePath(c.line.id),
        line: lineRef(c.line, c.to),
        from: c.from + 1,
      });
  });
  for (const { line, to, from } of common) {
    const old = before[from] as InvoiceLine;
    const ref = lineRef(line, to);
    if (old.description !== line.description)
      out.push({
        type: 'value',
        path: linePath(line.id, 'description'),
        before: old.description,
        after: line.description,
        line: ref,
      });
    for (const field of LINE_NUMBER_FIELDS) {
      if (old[field] !== line[field])
        out.push({
          type: 'value',
          path: linePath(line.id, field),
          before: old[field],
          after: line[field],
          line: ref,
        });
    }
  }
  return out;
}

/** Indexes (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = []; // index into values of the smallest tail of each run length
  const parent: number[] = [];
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] as number] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    parent[i] = lo > 0 ? (tails[lo - 1] as number) : -1;
    tails[lo] = i;
  });
  const out = new Set<number>();
  for (let i = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; i !== -1; i = parent[i] as number)
    out.add(i);
  return out;
}

/**
 * Characters inserted and deleted between two texts, by code point: the shortest edit script
 * (Myers) after trimming the common prefix and suffix. Very different long texts fall back to
 * counting the whole middle span as replaced, which bounds the cost.
 */
export function textChangeSize(before: string, after: string): { inserted: number; deleted: number } {
  const a = Array.from(before);
  const b = Array.from(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end])
    end++;
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  const distance = editDistance(x, y, MAX_EDIT_DISTANCE) ?? x.length + y.length;
  const grown = y.length - x.length;
  return { inserted: (distance + grown) / 2, deleted: (distance - grown) / 2 };
}

const MAX_EDIT_DISTANCE = 2000;

/** Inserts + deletes of the shortest edit script (Myers 1986), or null beyond `max`. */
function editDistance(a: readonly string[], b: readonly string[], max: number): number | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return n + m;
  const limit = Math.min(max, n + m);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))
          ? (v[offset + k + 1] as number)
          : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return null;
}

function richTextChange(path: RichTextField, before: string, after: string): FieldChange {
  return { type: 'richText', path, before, after, ...textChangeSize(before, after) };
}

export function diffLocks(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of unionKeys(before, after)) {
    const a = field in before ? holderOf(before[field]) : null;
    const b = field in after ? holderOf(after[field]) : null;
    const path = `locks.${field}`;
    if (a && (!b || a.userId !== b.userId || a.name !== b.name))
      out.push({ type: 'lockReleased', path, field, holder: a });
    if (b && (!a || a.userId !== b.userId || a.name !== b.name))
      out.push({ type: 'lockTaken', path, field, holder: b });
  }
  return out;
}

function holderOf(value: unknown): LockHolderInfo {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    userId: typeof v.userId === 'string' ? v.userId : null,
    name: typeof v.name === 'string' ? v.name : null,
  };
}

/**
 * Comment threads (`comments/threads.ts`) are read leniently — `anchor`, `messages[].text`,
 * `resolved` — since a client may write anything there. The author a thread or message claims
 * is never used: the change log attributes every change to the authenticated user.
 */
export function diffComments(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const threadId of unionKeys(before, after)) {
    const a = threadId in before ? before[threadId] : undefined;
    const b = threadId in after ? after[threadId] : undefined;
    const change = (action: CommentAction, text: string | null) =>
      out.push({
        type: 'comment',
        path: `comments.${threadId}`,
        threadId,
        action,
        anchor: anchorOf(b ?? a),
        text,
      });
    if (a === undefined && b !== undefined) change('added', messageTexts(b)[0] ?? null);
    else if (a !== undefined && b === undefined) change('removed', null);
    else if (JSON.stringify(a) !== JSON.stringify(b)) {
      const [oldTexts, newTexts] = [messageTexts(a), messageTexts(b)];
      const [wasResolved, isResolved] = [resolvedOf(a), resolvedOf(b)];
      let said = false;
      if (newTexts.length > oldTexts.length) {
        for (const text of newTexts.slice(oldTexts.length)) change('replied', text);
        said = true;
      }
      if (!wasResolved && isResolved) change('resolved', null);
      else if (wasResolved && !isResolved) change('reopened', null);
      else if (!said) change('edited', null);
    }
  }
  return out;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The field path a thread is about (`comments/threads.ts` anchors), or null for the whole invoice. */
function anchorOf(thread: unknown): string | null {
  const anchor = record(thread).anchor;
  if (typeof anchor === 'string') return anchor;
  const { path, lineId } = record(anchor);
  if (typeof path === 'string') return path;
  return typeof lineId === 'string' ? linePath(lineId) : null;
}

function messageTexts(thread: unknown): string[] {
  const messages = record(thread).messages;
  if (!Array.isArray(messages)) return [];
  return messages.map((m) => {
    const { text, body } = record(m);
    return typeof text === 'string' ? text : typeof body === 'string' ? body : '';
  });
}

function resolvedOf(thread: unknown): boolean {
  return record(thread).resolved === true;
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

const TEXT_PATH = /^(seller|buyer)\.[a-zA-Z]+$|^lines\.[^.]+\.description$/;

/** Changes a person makes keystroke by keystroke, which the change log groups into one entry. */
export function isTypingChange(change: FieldChange): boolean {
  return change.type === 'richText' || (change.type === 'value' && TEXT_PATH.test(change.path));
}

/** `first` then `next` on one path, as one change (null when they cannot be one). */
export function mergeChanges(first: FieldChange, next: FieldChange): FieldChange | null {
  if (first.path !== next.path) return null;
  if (first.type === 'value' && next.type === 'value') return { ...next, before: first.before };
  // Keystrokes add up: typing three characters and deleting them again is +3 −3, not nothing.
  if (first.type === 'richText' && next.type === 'richText')
    return {
      ...next,
      before: first.before,
      inserted: first.inserted + next.inserted,
      deleted: first.deleted + next.deleted,
    };
  return null;
}

const MAX_QUOTED = 60;

function quote(text: string | null): string {
  if (text === null) return '(none)';
  const chars = Array.from(text);
  return JSON.stringify(chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED - 1).join('')}…` : text);
}

function plain(text: string | null): string {
  if (text === null) return '(none)';
  return text === '' ? '(empty)' : text;
}

function lineName(line: LineRef): string {
  const description = line.description.split('\n')[0]?.trim() ?? '';
  if (description === '') return `line ${line.number}`;
  const chars = Array.from(description);
  const short = chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : description;
  return `line ${line.number} (${short})`;
}

function holderName(holder: LockHolderInfo): string {
  return holder.name ?? holder.userId ?? 'someone';
}

/** The change in words: `buyer.name: "ACME" → "ACME SAS"`, `line 3 (Consulting) quantity 2 → 3`. */
export function describeChange(change: FieldChange): string {
  switch (change.type) {
    case 'value': {
      const text = isTypingChange(change);
      const [a, b] = text
        ? [quote(change.before), quote(change.after)]
        : [plain(change.before), plain(change.after)];
      if (change.line) {
        const field = change.path.slice(change.path.lastIndexOf('.') + 1);
        // Name the line by its old description when that is what changed.
        const name = lineName(field === 'description' ? { ...change.line, description: '' } : change.line);
        return field === 'description' ? `${name} description: ${a} → ${b}` : `${name} ${field} ${a} → ${b}`;
      }
      if (change.path === 'schemaVersion') return `schema version ${a} → ${b}`;
      return `${change.path}: ${a} → ${b}`;
    }
    case 'richText':
      return `${change.path} edited (+${change.inserted} −${change.deleted} chars)`;
    case 'lineInserted': {
      const description = change.line.description.trim();
      return description
        ? `line inserted at ${change.line.number} (${description})`
        : `line inserted at ${change.line.number}`;
    }
    case 'lineRemoved':
      return `${lineName(change.line)} removed`;
    case 'lineMoved':
      return `${lineName({ ...change.line, number: change.from })} moved to ${change.line.number}`;
    case 'lockTaken':
      return `lock taken on ${change.field} by ${holderName(change.holder)}`;
    case 'lockReleased':
      return `lock on ${change.field} released (was held by ${holderName(change.holder)})`;
    case 'comment': {
      const where = change.anchor ? `comment on ${change.anchor}` : 'comment';
      const said = change.text ? `: ${quote(change.text)}` : '';
      switch (change.action) {
        case 'added':
          return `${where} added${said}`;
        case 'replied':
          return `reply to ${where}${said}`;
        case 'resolved':
        case 'reopened':
        case 'edited':
        case 'removed':
          return `${where} ${change.action}`;
        default: {
          const exhaustive: never = change.action;
          return exhaustive;
        }
      }
    }
    default: {
      const exhaustive: never = change;
      return exhaustive;
    }
  }
}
