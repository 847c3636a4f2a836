import * as Y from 'yjs';
import { commentsMap } from '../invoice/schema.ts';
import { canModerateComments } from '../rights.ts';
import type { Role } from '../roles.ts';
import { type CommentMessage, THREAD_KEY } from './threads.ts';

export interface CommentRefusal {
  path: string;
  reason: string;
}

export interface CommentActor {
  userId: string;
  roles: readonly Role[];
}

const MAX_TEXT = 10_000;

/**
 * What a person may do to comment threads, item by item (the guard reverts the rest): start a
 * thread as themselves, reply as themselves, edit or delete their own messages, resolve and
 * reopen any thread. Admins may also delete anyone's message (leaving a visible tombstone)
 * or a whole thread. Nobody rewrites an anchor or another person's words.
 */
export function commentRefusals(doc: Y.Doc, tr: Y.Transaction, actor: CommentActor): CommentRefusal[] {
  const root = commentsMap(doc);
  const refusals: CommentRefusal[] = [];
  const isAdmin = canModerateComments(actor.roles);
  const refuse = (threadId: string | null, reason: string) =>
    refusals.push({ path: threadId ? `comments.${threadId}` : 'comments', reason });

  const inserted = (item: Y.Item) => item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
  const visit = (item: Y.Item, deleted: boolean) => {
    const place = locateInComments(root, item);
    if (!place) return;
    const { threadId, level, threadItem } = place;
    if (level === 'thread') {
      if (!deleted) {
        const problem = checkNewThread(item.content.getContent()[0], actor.userId);
        if (problem) refuse(threadId, problem);
        return;
      }
      const current = root._map.get(threadId);
      if (current && !current.deleted && current !== item) refuse(threadId, 'A thread cannot be replaced.');
      else if (!isAdmin) refuse(threadId, 'Only an admin can delete a whole thread.');
      return;
    }
    // Everything inside a thread created in this same transaction was judged with the thread.
    if (inserted(threadItem)) return;
    if (level === 'threadKey') {
      if (item.parentSub !== THREAD_KEY.resolved) {
        refuse(threadId, `Only "resolved" can change on an existing thread, not "${item.parentSub}".`);
      } else if (!deleted && typeof item.content.getContent()[0] !== 'boolean') {
        refuse(threadId, '"resolved" must be true or false.');
      }
    } else if (level === 'message') {
      for (const value of item.content.getContent()) {
        const problem = deleted
          ? checkRemovedMessage(value, actor.userId, isAdmin)
          : checkNewMessage(value, actor.userId, isAdmin);
        if (problem) refuse(threadId, problem);
      }
    } else {
      refuse(threadId, 'Comment threads only hold their own fields and messages.');
    }
  };

  // Items this transaction created, found through a set of clock ranges (binary search in Yjs).
  const created = Y.createDeleteSet();
  for (const [client, clock] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (clock > before)
      (created.clients as Map<number, { clock: number; len: number }[]>).set(client, [
        { clock: before, len: clock - before },
      ]);
  }
  Y.iterateDeletedStructs(tr, created, (struct) => {
    if (struct instanceof Y.Item && !struct.deleted) visit(struct, false);
  });
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (struct instanceof Y.Item && !inserted(struct)) visit(struct, true);
  });
  return dedupe(refusals);
}

type Level = 'thread' | 'threadKey' | 'message' | 'other';

interface Place {
  threadId: string;
  level: Level;
  /** The item holding the thread map in the comments root. */
  threadItem: Y.Item;
}

function locateInComments(root: Y.Map<unknown>, item: Y.Item): Place | null {
  const parent = item.parent;
  if (parent === root)
    return item.parentSub ? { threadId: item.parentSub, level: 'thread', threadItem: item } : null;
  if (!(parent instanceof Y.AbstractType)) return null;
  const parentItem = parent._item;
  if (!parentItem) return null;
  if (parentItem.parent === root && parentItem.parentSub) {
    const level: Level = item.parentSub !== null ? 'threadKey' : 'other';
    return { threadId: parentItem.parentSub, level, threadItem: parentItem };
  }
  const threadItem = (parentItem.parent as Y.AbstractType<unknown> | null)?._item;
  if (threadItem?.parent === root && threadItem.parentSub) {
    const level: Level = parentItem.parentSub === THREAD_KEY.messages ? 'message' : 'other';
    return { threadId: threadItem.parentSub, level, threadItem };
  }
  return null;
}

function checkNewThread(value: unknown, userId: string): string | null {
  if (!(value instanceof Y.Map)) return 'A thread must be a map of its fields.';
  if (value.get(THREAD_KEY.authorId) !== userId) return 'A thread must be started in your own name.';
  const anchor = value.get(THREAD_KEY.anchor);
  if (
    typeof anchor !== 'object' ||
    anchor === null ||
    typeof (anchor as { type?: unknown }).type !== 'string'
  ) {
    return 'A thread needs an anchor (the invoice, a field, a line or a text range).';
  }
  const messages = value.get(THREAD_KEY.messages);
  if (!(messages instanceof Y.Array) || messages.length === 0) return 'A thread starts with a message.';
  for (const message of messages.toArray()) {
    const problem = checkNewMessage(message, userId, false);
    if (problem) return problem;
  }
  return null;
}

function checkNewMessage(value: unknown, userId: string, isAdmin: boolean): string | null {
  if (typeof value !== 'object' || value === null) return 'A message must be an object.';
  const m = value as Partial<CommentMessage>;
  if (typeof m.id !== 'string' || typeof m.text !== 'string' || typeof m.at !== 'string') {
    return 'A message needs an id, a text and a time.';
  }
  if (m.text.length > MAX_TEXT) return `A message is limited to ${MAX_TEXT} characters.`;
  if (
    m.mentions !== undefined &&
    !(Array.isArray(m.mentions) && m.mentions.every((x) => typeof x === 'string'))
  ) {
    return 'Mentions must be a list of user ids.';
  }
  // An admin's tombstone keeps the original author and says who removed it.
  if (m.deletedBy !== undefined)
    return isAdmin && m.deletedBy === userId && m.text === '' ? null : 'Only an admin can remove a message.';
  return m.authorId === userId ? null : 'You can only write messages in your own name.';
}

function checkRemovedMessage(value: unknown, userId: string, isAdmin: boolean): string | null {
  const authorId =
    typeof value === 'object' && value !== null ? (value as CommentMessage).authorId : undefined;
  return authorId === userId || isAdmin
    ? null
    : 'Only its author (or an admin) can edit or delete a message.';
}

function dedupe(refusals: CommentRefusal[]): CommentRefusal[] {
  const seen = new Set<string>();
  return refusals.filter((r) => {
    const key = `${r.path}|${r.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Messages this transaction added (new threads' first messages and replies), for mention notices. */
export function messagesAddedBy(
  doc: Y.Doc,
  tr: Y.Transaction,
): { threadId: string; message: CommentMessage }[] {
  const root = commentsMap(doc);
  const out: { threadId: string; message: CommentMessage }[] = [];
  const created = Y.createDeleteSet();
  for (const [client, clock] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (clock > before) {
      (created.clients as Map<number, { clock: number; len: number }[]>).set(client, [
        { clock: before, len: clock - before },
      ]);
    }
  }
  Y.iterateDeletedStructs(tr, created, (struct) => {
    if (!(struct instanceof Y.Item) || struct.deleted) return;
    const place = locateInComments(root, struct);
    if (place?.level !== 'message') return;
    for (const value of struct.content.getContent()) {
      const message = value as CommentMessage;
      if (typeof message === 'object' && message !== null && !message.deletedBy)
        out.push({ threadId: place.threadId, message });
    }
  });
  // An edit replaces a message with the same id: it is not new, and must not notify again.
  const replaced = new Set<string>();
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || locateInComments(root, struct)?.level !== 'message') return;
    for (const value of struct.content.getContent()) replaced.add((value as CommentMessage).id);
  });
  return out.filter((entry) => !replaced.has(entry.message.id));
}
