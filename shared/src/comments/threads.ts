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
  /** User ids mentioned with @ in the text; each is notified once. */
  mentions?: string[];
  editedAt?: string;
  /** Set when an admin removed someone else's message: the thread shows the removal. */
  deletedBy?: string;
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

export const THREAD_KEY = {
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
    mentions?: string[];
    origin?: CommentThread['origin'];
  },
  transactionOrigin: unknown,
): string {
  const id = newId();
  const at = new Date().toISOString();
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    commentsMap(doc).set(id, thread);
    thread.set(THREAD_KEY.anchor, input.anchor);
    thread.set(THREAD_KEY.authorId, input.author.id);
    thread.set(THREAD_KEY.authorName, input.author.name);
    thread.set(THREAD_KEY.createdAt, at);
    thread.set(THREAD_KEY.resolved, false);
    thread.set(THREAD_KEY.origin, input.origin ?? 'comment');
    const messages = new Y.Array<CommentMessage>();
    thread.set(THREAD_KEY.messages, messages);
    const mentions = input.mentions && input.mentions.length > 0 ? { mentions: input.mentions } : {};
    messages.push([
      {
        id: newId(),
        authorId: input.author.id,
        authorName: input.author.name,
        text: input.text,
        at,
        ...mentions,
      },
    ]);
  }, transactionOrigin);
  return id;
}

/** Threads in creation order; entries that are not well-formed threads are skipped. */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const out: CommentThread[] = [];
  for (const [id, value] of commentsMap(doc).entries()) {
    if (!(value instanceof Y.Map)) continue;
    const messages = value.get(THREAD_KEY.messages);
    const anchor = value.get(THREAD_KEY.anchor) as CommentAnchor | undefined;
    if (!(messages instanceof Y.Array) || typeof anchor !== 'object' || anchor === null) continue;
    const origin = value.get(THREAD_KEY.origin);
    out.push({
      id,
      anchor,
      authorId: String(value.get(THREAD_KEY.authorId) ?? ''),
      authorName: String(value.get(THREAD_KEY.authorName) ?? ''),
      createdAt: String(value.get(THREAD_KEY.createdAt) ?? ''),
      resolved: value.get(THREAD_KEY.resolved) === true,
      origin: origin === 'request-changes' || origin === 'reject' ? origin : 'comment',
      messages: (messages.toArray() as CommentMessage[]).filter((m) => typeof m === 'object' && m !== null),
    });
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

function threadMap(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const thread = commentsMap(doc).get(threadId);
  if (!(thread instanceof Y.Map)) throw new Error(`No comment thread ${threadId}.`);
  return thread;
}

function messagesOf(doc: Y.Doc, threadId: string): Y.Array<CommentMessage> {
  const messages = threadMap(doc, threadId).get(THREAD_KEY.messages);
  if (!(messages instanceof Y.Array)) throw new Error(`Comment thread ${threadId} has no messages.`);
  return messages as Y.Array<CommentMessage>;
}

export function replyToThread(
  doc: Y.Doc,
  threadId: string,
  input: { author: { id: string; name: string }; text: string; mentions?: string[] },
  origin: unknown,
): string {
  const id = newId();
  const message: CommentMessage = {
    id,
    authorId: input.author.id,
    authorName: input.author.name,
    text: input.text,
    at: new Date().toISOString(),
    ...(input.mentions && input.mentions.length > 0 ? { mentions: input.mentions } : {}),
  };
  doc.transact(() => messagesOf(doc, threadId).push([message]), origin);
  return id;
}

/** Messages are immutable values: an edit replaces one in place, in one transaction. */
function replaceMessage(
  doc: Y.Doc,
  threadId: string,
  messageId: string,
  next: (m: CommentMessage) => CommentMessage,
  origin: unknown,
) {
  const messages = messagesOf(doc, threadId);
  const index = messages.toArray().findIndex((m) => m.id === messageId);
  if (index === -1) throw new Error(`No message ${messageId} in thread ${threadId}.`);
  const current = messages.get(index);
  doc.transact(() => {
    messages.delete(index, 1);
    messages.insert(index, [next(current)]);
  }, origin);
}

export function editMessage(
  doc: Y.Doc,
  threadId: string,
  messageId: string,
  text: string,
  origin: unknown,
): void {
  replaceMessage(
    doc,
    threadId,
    messageId,
    (m) => ({ ...m, text, editedAt: new Date().toISOString() }),
    origin,
  );
}

/** The author's own delete removes the message; an admin's leaves a tombstone naming them. */
export function deleteMessage(
  doc: Y.Doc,
  threadId: string,
  messageId: string,
  by: { id: string },
  origin: unknown,
): void {
  const messages = messagesOf(doc, threadId);
  const index = messages.toArray().findIndex((m) => m.id === messageId);
  if (index === -1) throw new Error(`No message ${messageId} in thread ${threadId}.`);
  if (messages.get(index).authorId === by.id) {
    doc.transact(() => messages.delete(index, 1), origin);
    return;
  }
  replaceMessage(
    doc,
    threadId,
    messageId,
    (m) => ({ ...m, text: '', mentions: [], deletedBy: by.id }),
    origin,
  );
}

export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, origin: unknown): void {
  doc.transact(() => threadMap(doc, threadId).set(THREAD_KEY.resolved, resolved), origin);
}
