import {
  type CommentMessage,
  deleteMessage,
  editMessage,
  replyToThread,
  setResolved,
} from '@cofacture/shared';
import { useState } from 'react';
import { useComments } from '../../hooks/useComments.ts';
import { useEditorContext } from '../../hooks/useEditorContext.ts';
import { splitQuote, type ThreadView } from '../../lib/commentAnchors.ts';
import { formatMoment } from '../../lib/format.ts';
import { MentionTextarea } from './MentionTextarea.tsx';
import { MessageText } from './MessageText.tsx';

interface ThreadCardProps {
  readonly view: ThreadView;
  /** Where it points, in words ("Buyer address", "line 2", "the whole invoice"). */
  readonly where: string;
  readonly active: boolean;
  readonly onOpen: () => void;
}

/** One thread: where it points, its messages, a reply box, resolve / reopen. */
export function ThreadCard({ view, where, active, onOpen }: ThreadCardProps) {
  const { connection } = useEditorContext();
  const { canComment, me, members } = useComments();
  const { thread, range, state } = view;
  const { doc, origin } = connection;
  const firstQuote = thread.messages[0] ? splitQuote(thread.messages[0].text).quote : null;
  const quote = range?.text ?? firstQuote;
  const classes = ['thread-card', `thread-${state}`, active ? 'thread-active' : ''];

  return (
    <li className={classes.filter(Boolean).join(' ')} data-thread-id={thread.id} data-thread-state={state}>
      <button type="button" className="thread-anchor" onClick={onOpen} title="Show it in the invoice">
        <span className="thread-where">{where}</span>
        {state === 'detached' && <span className="thread-detached-tag">detached</span>}
        {quote && !firstQuote && <span className="thread-quote">“{quote}”</span>}
      </button>
      {state === 'detached' && (
        <p className="muted thread-detached-note">
          The commented text or line was deleted; the thread is kept.
        </p>
      )}
      <ol className="thread-messages">
        {thread.messages.map((message) => (
          <MessageItem key={message.id} threadId={thread.id} message={message} />
        ))}
      </ol>
      {canComment && (
        <>
          <MentionTextarea
            label={`Reply to the comment on ${where}`}
            members={members}
            meId={me.id}
            submitLabel="Reply"
            onSubmit={(text, mentions) =>
              replyToThread(doc, thread.id, { author: me, text, mentions }, origin)
            }
          />
          <button
            type="button"
            className="button-quiet thread-resolve"
            onClick={() => setResolved(doc, thread.id, !thread.resolved, origin)}
          >
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
        </>
      )}
    </li>
  );
}

function MessageItem({ threadId, message }: { threadId: string; message: CommentMessage }) {
  const { connection } = useEditorContext();
  const { canComment, isAdmin, me, members } = useComments();
  const [editing, setEditing] = useState(false);
  const { doc, origin } = connection;
  const mine = message.authorId === me.id;
  const removedBy = message.deletedBy
    ? (members.find((m) => m.userId === message.deletedBy)?.name ?? 'an admin')
    : null;

  return (
    <li className="comment-message" data-message-id={message.id}>
      <div className="comment-meta">
        <strong>{message.authorName}</strong> <time dateTime={message.at}>{formatMoment(message.at)}</time>
        {message.editedAt && <span className="muted"> (edited)</span>}
      </div>
      {removedBy ? (
        <p className="muted comment-removed">Message removed by {removedBy}.</p>
      ) : editing ? (
        <MentionTextarea
          label="Edit your message"
          members={members}
          meId={me.id}
          initial={message.text}
          submitLabel="Save"
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={(text) => {
            editMessage(doc, threadId, message.id, text, origin);
            setEditing(false);
          }}
        />
      ) : (
        <MessageText message={message} members={members} />
      )}
      {canComment && !editing && !removedBy && (mine || isAdmin) && (
        <div className="comment-tools">
          {mine && (
            <button type="button" className="button-quiet" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          <button
            type="button"
            className="button-quiet"
            onClick={() => deleteMessage(doc, threadId, message.id, me, origin)}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
