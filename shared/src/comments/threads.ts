import * as Y from 'yjs';
import { newId } from '../invoice/ids.ts';
import { commentsMap } from '../invoice/schema.ts';

/**
 * Comment threads live in the invoice document (`comments` root map, DESIGN §4): thread id →
 * Y.Map with plain-JSON metadata and a Y.Array of immutable message objects, so they sync live
 * and appear in the history. Anchors are plain JSON; text ranges use Yjs relative positions.
 */
export type CommentAnchor =
  | { type: 'invoice' }
  | { type: 'field'; path: string }
  | { type: 'line'; lineId: string }
  | { type: 'range'; path: string; start: string; end: string };

export interface CommentMessage {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  at: string;
}

export interface CommentThread {
  id: string;
  anchor: CommentAnchor;
  authorId: string;
  authorName: string;
  createdAt: string;
  resolved: boolean;
  /** Why the thread exists when the workflow opened it (`request-changes`, `reject`). */
  origin: 'comment' | 'request-changes' | 'reject';
  messages: CommentMessage[];
}

const KEY = {
  anchor: 'anchor',
  authorId: 'authorId',
  authorName: 'authorName',
  createdAt: 'createdAt',
  resolved: 'resolved',
  origin: 'origin',
  messages: 'messages',
} as const;

export function addThread(
  doc: Y.Doc,
  input: {
    anchor: CommentAnchor;
    author: { id: string; name: string };
    text: string;
    origin?: CommentThread['origin'];
  },
  transactionOrigin: unknown,
): string {
  const id = newId();
  const at = new Date().toISOString();
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    commentsMap(doc).set(id, thread);
    thread.set(KEY.anchor, input.anchor);
    thread.set(KEY.authorId, input.author.id);
    thread.set(KEY.authorName, input.author.name);
    thread.set(KEY.createdAt, at);
    thread.set(KEY.resolved, false);
    thread.set(KEY.origin, input.origin ?? 'comment');
    const messages = new Y.Array<CommentMessage>();
    thread.set(KEY.messages, messages);
    messages.push([
      { id: newId(), authorId: input.author.id, authorName: input.author.name, text: input.text, at },
    ]);
  }, transactionOrigin);
  return id;
}

/** Threads in creation order; entries that are not well-formed threads are skipped. */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const out: CommentThread[] = [];
  for (const [id, value] of commentsMap(doc).entries()) {
    if (!(value instanceof Y.Map)) continue;
    const messages = value.get(KEY.messages);
    const anchor = value.get(KEY.anchor) as CommentAnchor | undefined;
    if (!(messages instanceof Y.Array) || typeof anchor !== 'object' || anchor === null) continue;
    const origin = value.get(KEY.origin);
    out.push({
      id,
      anchor,
      authorId: String(value.get(KEY.authorId) ?? ''),
      authorName: String(value.get(KEY.authorName) ?? ''),
      createdAt: String(value.get(KEY.createdAt) ?? ''),
      resolved: value.get(KEY.resolved) === true,
      origin: origin === 'request-changes' || origin === 'reject' ? origin : 'comment',
      messages: (messages.toArray() as CommentMessage[]).filter((m) => typeof m === 'object' && m !== null),
    });
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
