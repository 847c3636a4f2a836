import { type KeyboardEvent, useId, useRef, useState } from 'react';
import {
  insertMention,
  type Mentionable,
  matchMembers,
  mentionedIn,
  mentionQuery,
} from '../../lib/mentionInput.ts';

interface MentionTextareaProps {
  readonly label: string;
  readonly members: readonly Mentionable[];
  readonly meId: string;
  readonly initial?: string;
  readonly submitLabel: string;
  readonly onSubmit: (text: string, mentions: string[]) => void;
  readonly onCancel?: () => void;
  readonly autoFocus?: boolean;
}

/** A message box where `@` completes the organisation's members (Ctrl+Enter sends). */
export function MentionTextarea({
  label,
  members,
  meId,
  initial = '',
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus = false,
}: MentionTextareaProps) {
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [chosen, setChosen] = useState<Mentionable[]>([]);
  const [highlight, setHighlight] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const query = dismissed ? null : mentionQuery(text, caret);
  const options = query ? matchMembers(members, query.query, meId) : [];
  const open = options.length > 0;

  const pick = (member: Mentionable) => {
    if (!query) return;
    const next = insertMention(text, query.from, caret, member);
    setText(next.text);
    setCaret(next.caret);
    setChosen((list) => (list.some((m) => m.userId === member.userId) ? list : [...list, member]));
    setHighlight(0);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const submit = () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    onSubmit(trimmed, mentionedIn(trimmed, chosen));
    setText('');
    setCaret(0);
    setChosen([]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const by = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight((h) => (h + by + options.length) % options.length);
    } else if (open && (event.key === 'Enter' || event.key === 'Tab')) {
      event.preventDefault();
      const member = options[Math.min(highlight, options.length - 1)];
      if (member) pick(member);
    } else if (open && event.key === 'Escape') {
      event.preventDefault();
      setDismissed(true);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };
  const active = open ? `${listId}-${Math.min(highlight, options.length - 1)}` : undefined;

  return (
    <div className="mention-box">
      <textarea
        ref={ref}
        className="mention-input"
        aria-label={label}
        value={text}
        rows={2}
        // biome-ignore lint/a11y/noAutofocus: the box opens because the person asked to write
        autoFocus={autoFocus}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active}
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart ?? event.target.value.length);
          setDismissed(false);
          setHighlight(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? 0)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <div id={listId} role="listbox" className="mention-options" aria-label="People to mention">
          {options.map((member, i) => (
            <div
              key={member.userId}
              id={`${listId}-${i}`}
              tabIndex={-1}
              role="option"
              aria-selected={i === highlight}
              className={i === highlight ? 'mention-option mention-option-active' : 'mention-option'}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(member);
              }}
            >
              {member.name} <span className="muted">{member.email}</span>
            </div>
          ))}
        </div>
      )}
      <div className="mention-actions">
        <button type="button" className="button-primary" disabled={!text.trim()} onClick={submit}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}
