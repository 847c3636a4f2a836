import {
  type CommentAnchor,
  type CommentThread,
  findLine,
  lineDescription,
  PARTIES,
  PARTY_FIELDS,
  type PartyField,
  type PartyKey,
  partyText,
  RICH_TEXT_FIELDS,
} from '@cofacture/shared';
import * as Y from 'yjs';

/** The plain `Y.Text` behind a field path (`buyer.name`, `lines.<id>.description`), or null. */
export function textForPath(doc: Y.Doc, path: string): Y.Text | null {
  const [head, second, third, ...rest] = path.split('.');
  if (rest.length > 0 || head === undefined || second === undefined) return null;
  if ((PARTIES as readonly string[]).includes(head) && third === undefined) {
    if (!(PARTY_FIELDS as readonly string[]).includes(second)) return null;
    return partyText(doc, head as PartyKey, second as PartyField);
  }
  if (head === 'lines' && third === 'description') {
    const found = findLine(doc, second);
    return found ? lineDescription(found.line) : null;
  }
  return null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A range anchor on `[start, end)` of a Y.Text. The start sticks to the first chosen character
 * and the end to the last one, so text typed right before or right after the words stays out
 * of the range, text typed inside it stays in.
 */
export function rangeAnchor(text: Y.Text, path: string, start: number, end: number): CommentAnchor {
  const from = Math.max(0, Math.min(start, end));
  const to = Math.min(text.length, Math.max(start, end));
  return {
    type: 'range',
    path,
    start: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from, 0))),
    end: toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, to, -1))),
  };
}

export interface ResolvedRange {
  readonly start: number;
  readonly end: number;
  /** The words the range covers now. */
  readonly text: string;
}

/** Where a range anchor is now, or null when its words are gone (the thread is detached). */
export function resolveRange(
  doc: Y.Doc,
  anchor: Extract<CommentAnchor, { type: 'range' }>,
): ResolvedRange | null {
  const text = textForPath(doc, anchor.path);
  if (!text) return null;
  try {
    const start = Y.createAbsolutePositionFromRelativePosition(
      Y.decodeRelativePosition(fromBase64(anchor.start)),
      doc,
    );
    const end = Y.createAbsolutePositionFromRelativePosition(
      Y.decodeRelativePosition(fromBase64(anchor.end)),
      doc,
    );
    if (!start || !end || start.type !== text || end.type !== text || start.index >= end.index) return null;
    return { start: start.index, end: end.index, text: text.toString().slice(start.index, end.index) };
  } catch {
    return null;
  }
}

/** Whether a field path still names something in the document (a removed line's fields do not). */
export function pathExists(doc: Y.Doc, path: string): boolean {
  const [head, second] = path.split('.');
  if (head === 'lines' && second !== undefined) return findLine(doc, second) !== null;
  return true;
}

export type ThreadState = 'open' | 'resolved' | 'detached';

/** A thread as the panel shows it: where it points now and in which filter it falls. */
export interface ThreadView {
  readonly thread: CommentThread;
  readonly state: ThreadState;
  /** Its anchor no longer points at anything (words or line deleted): kept, shown as detached. */
  readonly detached: boolean;
  /** The field path it shows on (`lines.<id>` for a line), or null for the whole invoice. */
  readonly path: string | null;
  readonly range: ResolvedRange | null;
}

export function viewThread(doc: Y.Doc, thread: CommentThread): ThreadView {
  const { anchor } = thread;
  let detached = false;
  let path: string | null = null;
  let range: ResolvedRange | null = null;
  switch (anchor.type) {
    case 'invoice':
      break;
    case 'field':
      path = anchor.path;
      detached = !pathExists(doc, anchor.path);
      break;
    case 'line':
      path = `lines.${anchor.lineId}`;
      detached = findLine(doc, anchor.lineId) === null;
      break;
    case 'range':
      path = anchor.path;
      range = resolveRange(doc, anchor);
      detached = range === null;
      break;
    default:
      detached = true;
  }
  const state: ThreadState = thread.resolved ? 'resolved' : detached ? 'detached' : 'open';
  return { thread, state, detached, path, range };
}

/** Open threads by the path they show on, for the markers with a count. */
export function openCountByPath(views: readonly ThreadView[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const view of views) {
    if (view.state !== 'open' || view.path === null) continue;
    counts.set(view.path, (counts.get(view.path) ?? 0) + 1);
  }
  return counts;
}

export function countByState(views: readonly ThreadView[]): Record<ThreadState, number> {
  const counts: Record<ThreadState, number> = { open: 0, resolved: 0, detached: 0 };
  for (const view of views) counts[view.state]++;
  return counts;
}

/** Rich-text fields cannot carry a range yet: the chosen words ride along as a quote line. */
export function quoteFor(path: string): boolean {
  return (RICH_TEXT_FIELDS as readonly string[]).includes(path);
}

const QUOTE = /^> (.*)\n/;

/** Splits the "> quoted words" first line (comments on rich text) from the message itself. */
export function splitQuote(text: string): { quote: string | null; body: string } {
  const match = QUOTE.exec(text);
  return match ? { quote: match[1] ?? '', body: text.slice(match[0].length) } : { quote: null, body: text };
}

export function withQuote(quote: string | null, body: string): string {
  const line = quote?.replace(/\s+/g, ' ').trim();
  return line ? `> ${line}\n${body}` : body;
}
