import type { CommentMessage } from '@cofacture/shared';
import { splitQuote } from '../../lib/commentAnchors.ts';
import { type Mentionable, splitMentions } from '../../lib/mentionInput.ts';

/** A message's words, with its quote line (rich text) and each @Name of the people it mentions. */
export function MessageText({
  message,
  members,
}: {
  message: CommentMessage;
  members: readonly Mentionable[];
}) {
  const { quote, body } = splitQuote(message.text);
  const names = (message.mentions ?? []).map((id) => members.find((m) => m.userId === id)?.name ?? '');
  return (
    <>
      {quote && <blockquote className="comment-quote">{quote}</blockquote>}
      <p className="comment-text">
        {splitMentions(body, names).map((part, i) =>
          part.kind === 'mention' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity beyond their place
            <span key={i} className="comment-mention">
              {part.text}
            </span>
          ) : (
            part.text
          ),
        )}
      </p>
    </>
  );
}
