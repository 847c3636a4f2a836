import { createContext } from 'react';
import type { ThreadState, ThreadView } from '../../lib/commentAnchors.ts';
import type { CommentDraft } from '../../lib/commentTarget.ts';
import type { Mentionable } from '../../lib/mentionInput.ts';

/** The invoice's comment threads and what this person can do with them. */
export interface CommentsContextValue {
  readonly views: readonly ThreadView[];
  /** Open threads by the path they show on (`buyer.name`, `lines.<id>`), for markers. */
  readonly openCounts: ReadonlyMap<string, number>;
  /** Viewers (read-only connections) only read threads. */
  readonly canComment: boolean;
  readonly isAdmin: boolean;
  readonly me: { readonly id: string; readonly name: string };
  readonly members: readonly Mentionable[];
  readonly draft: CommentDraft | null;
  startComment(draft: CommentDraft): void;
  cancelDraft(): void;
  readonly filter: ThreadState;
  setFilter(filter: ThreadState): void;
  /** The thread last opened (scrolled to and its anchor flashed). */
  readonly activeThread: string | null;
  /** Grows at each focusThread: the panel scrolls to the thread and flashes its anchor. */
  readonly focusTick: number;
  focusThread(threadId: string): void;
  /** The panel shows the open threads on this path, first one focused. */
  showThreadsAt(path: string): void;
}

export const CommentsContext = createContext<CommentsContextValue | null>(null);
