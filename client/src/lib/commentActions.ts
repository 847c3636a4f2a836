import { addThread, type CommentAnchor } from '@cofacture/shared';
import type * as Y from 'yjs';

/** Starts a thread through the shared model; mentioned people are notified by the server. */
export function startThread(
  doc: Y.Doc,
  input: { anchor: CommentAnchor; author: { id: string; name: string }; text: string; mentions: string[] },
  origin: unknown,
): string {
  return addThread(doc, input, origin);
}
