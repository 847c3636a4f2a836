import { canModerateComments, isReadOnlyRoleSet } from '@cofacture/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CommentsContextValue } from '../components/comments/CommentsContext.ts';
import { openCountByPath, type ThreadState } from '../lib/commentAnchors.ts';
import type { CommentDraft } from '../lib/commentTarget.ts';
import type { AccessFacts } from '../lib/fieldAccess.ts';
import type { InvoiceConnection } from '../lib/invoiceConnection.ts';
import type { Session } from '../lib/session.ts';
import { useCommentThreads } from './useCommentThreads.ts';
import { useOrgMembers } from './useOrgMembers.ts';
import { useThreadParam } from './useThreadParam.ts';

/** Threads, the draft, the filter and the focused thread of the comments panel. */
export function useCommentsState(
  connection: InvoiceConnection,
  session: Session,
  facts: AccessFacts,
): CommentsContextValue {
  const views = useCommentThreads(connection.doc);
  const members = useOrgMembers(connection.invoiceId, session.token);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [filter, setFilter] = useState<ThreadState>('open');
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const viewsRef = useRef(views);
  viewsRef.current = views;

  const roles = facts.roles;
  const canComment = !facts.readOnlyConnection && !(roles && roles.length > 0 && isReadOnlyRoleSet(roles));
  const isAdmin = canModerateComments(roles);

  const focusThread = useCallback((threadId: string) => {
    const view = viewsRef.current.find((v) => v.thread.id === threadId);
    if (view) setFilter(view.state);
    setActiveThread(threadId);
    // Counted, so focusing the same thread again scrolls and flashes again.
    setFocusTick((n) => n + 1);
  }, []);

  const showThreadsAt = useCallback(
    (path: string) => {
      const first = viewsRef.current.find((v) => v.path === path && v.state === 'open');
      if (first) focusThread(first.thread.id);
    },
    [focusThread],
  );

  // `?thread=<id>` (a mention's notification): open the panel at it once the thread is known.
  const asked = useThreadParam();
  const known = views.some((v) => v.thread.id === asked);
  useEffect(() => {
    if (asked && known) focusThread(asked);
  }, [asked, known, focusThread]);

  const openCounts = useMemo(() => openCountByPath(views), [views]);
  const me = useMemo(() => ({ id: session.user.id, name: session.user.name }), [session.user]);
  const startComment = useCallback((next: CommentDraft) => setDraft(next), []);
  const cancelDraft = useCallback(() => setDraft(null), []);

  return useMemo(
    () => ({
      views,
      openCounts,
      canComment,
      isAdmin,
      me,
      members,
      draft: canComment ? draft : null,
      startComment,
      cancelDraft,
      filter,
      setFilter,
      activeThread,
      focusTick,
      focusThread,
      showThreadsAt,
    }),
    [
      views,
      openCounts,
      canComment,
      isAdmin,
      me,
      members,
      draft,
      startComment,
      cancelDraft,
      filter,
      activeThread,
      focusTick,
      focusThread,
      showThreadsAt,
    ],
  );
}
