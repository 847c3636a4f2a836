import { invoiceIdFromDocName, messagesAddedBy } from '@cofacture/shared';
import type * as Y from 'yjs';
import type { Directory } from '../Directory.ts';
import type { NotificationService } from './NotificationService.ts';

const EXCERPT = 140;

/**
 * For each new comment message of an accepted transaction, notifies every person it mentions
 * (once, never the author). The author's name comes from the directory, not from the message,
 * which the client wrote.
 */
export function mentionNotifier(notifications: NotificationService, directory: Directory) {
  return (
    documentName: string,
    userId: string,
    paths: readonly string[],
    transaction: Y.Transaction,
  ): void => {
    if (!paths.some((p) => p.startsWith('comments.'))) return;
    const invoiceId = invoiceIdFromDocName(documentName);
    const author = directory.user(userId);
    if (!invoiceId || !author) return;
    for (const { threadId, message } of messagesAddedBy(transaction.doc, transaction)) {
      for (const toUserId of new Set(message.mentions ?? [])) {
        if (toUserId === userId) continue;
        const excerpt =
          message.text.length > EXCERPT ? `${message.text.slice(0, EXCERPT - 1)}…` : message.text;
        notifications.notifyMention({
          invoiceId,
          toUserId,
          by: { id: author.id, name: author.name },
          threadId,
          excerpt,
        });
      }
    }
  };
}
