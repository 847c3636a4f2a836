import { useEffect, useMemo, useRef } from 'react';
import { useComments } from '../../hooks/useComments.ts';
import { useEditorContext } from '../../hooks/useEditorContext.ts';
import { useInvoiceValue } from '../../hooks/useInvoiceValue.ts';
import { startThread } from '../../lib/commentActions.ts';
import { countByState, type ThreadState, type ThreadView, withQuote } from '../../lib/commentAnchors.ts';
import { flashAnchor } from '../../lib/commentTarget.ts';
import { pathLabel } from '../../lib/fieldLabels.ts';
import { MentionTextarea } from './MentionTextarea.tsx';
import { ThreadCard } from './ThreadCard.tsx';

const FILTERS: readonly { state: ThreadState; label: string }[] = [
  { state: 'open', label: 'Open' },
  { state: 'resolved', label: 'Resolved' },
  { state: 'detached', label: 'Detached' },
];

/** The side panel: a new comment's box, the filters with their counts, the threads. */
export function CommentsPanel() {
  const { connection } = useEditorContext();
  const comments = useComments();
  const { views, draft, filter, setFilter, activeThread, focusTick, focusThread, me, members, canComment } =
    comments;
  const invoice = useInvoiceValue(connection.doc);
  const lineIds = useMemo(() => invoice.lines.map((line) => line.id), [invoice.lines]);
  const where = (view: Pick<ThreadView, 'path'>) =>
    view.path === null ? 'The whole invoice' : pathLabel(view.path, lineIds);
  const counts = countByState(views);
  const shown = views.filter((view) => view.state === filter);
  const listRef = useRef<HTMLOListElement>(null);

  // Focusing a thread scrolls the panel to it and flashes its anchor in the editor.
  const viewsRef = useRef(views);
  viewsRef.current = views;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs at each focus request (focusTick)
  useEffect(() => {
    if (!activeThread) return;
    const view = viewsRef.current.find((v) => v.thread.id === activeThread);
    const card = listRef.current?.querySelector<HTMLElement>(
      `[data-thread-id="${CSS.escape(activeThread)}"]`,
    );
    card?.scrollIntoView({ block: 'nearest' });
    if (view && !view.detached) flashAnchor(document, view.path, view.range);
  }, [activeThread, focusTick]);

  const send = (text: string, mentions: string[]) => {
    if (!draft) return;
    const id = startThread(
      connection.doc,
      {
        anchor: draft.anchor,
        author: me,
        text: draft.anchor.type === 'range' ? text : withQuote(draft.quote, text),
        mentions,
      },
      connection.origin,
    );
    comments.cancelDraft();
    setFilter('open');
    focusThread(id);
  };

  return (
    <aside className="comments-panel" aria-label="Comments">
      <h2>Comments</h2>
      {!canComment && <p className="muted">You can read the comments; you cannot write any.</p>}
      {draft && (
        <section className="comment-draft" aria-label="New comment">
          <p className="comment-draft-where">
            On {where({ path: draftPath(draft.anchor) })}
            {draft.quote && <span className="thread-quote"> “{draft.quote}”</span>}
          </p>
          <MentionTextarea
            key={JSON.stringify(draft.anchor)}
            label="New comment"
            members={members}
            meId={me.id}
            submitLabel="Comment"
            autoFocus
            onCancel={comments.cancelDraft}
            onSubmit={send}
          />
        </section>
      )}
      <fieldset className="comment-filters">
        <legend className="visually-hidden">Show threads</legend>
        {FILTERS.map(({ state, label }) => (
          <button
            key={state}
            type="button"
            aria-pressed={filter === state}
            data-filter={state}
            className={filter === state ? 'comment-filter comment-filter-on' : 'comment-filter'}
            onClick={() => setFilter(state)}
          >
            {label}{' '}
            <span className="comment-filter-count" data-count={counts[state]}>
              {counts[state]}
            </span>
          </button>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <p className="muted">No {filter} threads.</p>
      ) : (
        <ol className="thread-list" ref={listRef}>
          {shown.map((view) => (
            <ThreadCard
              key={view.thread.id}
              view={view}
              where={where(view)}
              active={view.thread.id === activeThread}
              onOpen={() => focusThread(view.thread.id)}
            />
          ))}
        </ol>
      )}
    </aside>
  );
}

function draftPath(anchor: import('@cofacture/shared').CommentAnchor): string | null {
  switch (anchor.type) {
    case 'invoice':
      return null;
    case 'line':
      return `lines.${anchor.lineId}`;
    default:
      return anchor.path;
  }
}
