import type { CommentAnchor } from '@cofacture/shared';
import type { MouseEvent } from 'react';
import { useComments } from '../../hooks/useComments.ts';
import { useEditorContext } from '../../hooks/useEditorContext.ts';
import { draftForField } from '../../lib/commentTarget.ts';

interface CommentMarkerProps {
  /** The path threads show on: a field path, or `lines.<id>` for a whole line. */
  readonly path: string;
  /** What is commented on, in words ("Buyer name", "line 2"). */
  readonly label: string;
  /** For a whole line; fields take their anchor (and a selected range) from their frame. */
  readonly anchor?: CommentAnchor;
}

// Pressing a marker must not take the focus (nor the selection) away from the field.
const keepSelection = (event: MouseEvent) => event.preventDefault();

/** The count of open threads on a field or line, and the button to comment on it. */
export function CommentMarker({ path, label, anchor }: CommentMarkerProps) {
  const { openCounts, canComment, startComment, showThreadsAt } = useComments();
  const { connection } = useEditorContext();
  const count = openCounts.get(path) ?? 0;
  const comment = (event: MouseEvent<HTMLButtonElement>) => {
    const frame = event.currentTarget.closest<HTMLElement>('[data-field]');
    const draft = anchor
      ? { anchor, quote: null }
      : frame
        ? draftForField(connection.doc, frame)
        : { anchor: { type: 'field', path } as const, quote: null };
    if (draft) startComment(draft);
  };
  return (
    <span className="comment-marker" data-comment-path={path}>
      {count > 0 && (
        <button
          type="button"
          tabIndex={-1}
          className="comment-count"
          data-comment-count={count}
          aria-label={`${count} open ${count === 1 ? 'comment' : 'comments'} on ${label}`}
          title="Show the comments"
          onMouseDown={keepSelection}
          onClick={() => showThreadsAt(path)}
        >
          💬 {count}
        </button>
      )}
      {canComment && (
        <button
          type="button"
          tabIndex={-1}
          className="comment-add"
          aria-label={`Comment on ${label}`}
          title={`Comment on ${label} (Ctrl+Alt+M); select words first to comment on them`}
          onMouseDown={keepSelection}
          onClick={comment}
        >
          +💬
        </button>
      )}
    </span>
  );
}
