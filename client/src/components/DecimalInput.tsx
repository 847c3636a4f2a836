import type { LineNumberField } from '@cofacture/shared';
import { type KeyboardEvent, useId, useState } from 'react';
import { parseLineNumber, reconcileDraft } from '../lib/decimalField.ts';

interface DecimalInputProps {
  readonly field: LineNumberField;
  /** The value in the document (canonical decimal string). */
  readonly value: string;
  readonly ariaLabel: string;
  readonly readOnly: boolean;
  /** Why it is read-only, as a tooltip. */
  readonly title?: string;
  /** Ids of what else explains the field (a lock badge, a missing mention). */
  readonly describedBy?: string;
  /** Take the field's lock while the person is in it (plain values: last writer wins). */
  readonly autoLock?: boolean;
  readonly onCommit: (value: string) => void;
  readonly suffix?: string;
}

interface DraftState {
  draft: string;
  error: string | null;
  /** The document value the draft was last reconciled with. */
  seen: string;
}

/**
 * A number typed as text and checked on every keystroke: a valid value is written to the
 * document in canonical form at once, an invalid one stays in the field with a message and
 * never reaches the document (which keeps its last valid value). Escape restores that value.
 */
export function DecimalInput({
  field,
  value,
  ariaLabel,
  readOnly,
  title,
  describedBy,
  autoLock = false,
  onCommit,
  suffix,
}: DecimalInputProps) {
  const id = useId();
  const [state, setState] = useState<DraftState>({ draft: value, error: null, seen: value });
  if (state.seen !== value) {
    // The document changed (someone else, an undo, or our own commit coming back).
    const draft = reconcileDraft(field, state.draft, value);
    setState({ draft, error: draft === state.draft ? state.error : null, seen: value });
  }

  const onChange = (text: string) => {
    const parsed = parseLineNumber(field, text);
    setState({ draft: text, error: parsed.ok ? null : parsed.error.message, seen: state.seen });
    if (parsed.ok && parsed.value !== value) onCommit(parsed.value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && state.draft !== value) {
      event.preventDefault();
      setState({ draft: value, error: null, seen: value });
    }
  };

  return (
    <span className={`decimal-input ${state.error ? 'invalid' : ''}`}>
      <span className="decimal-box">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={state.draft}
          readOnly={readOnly}
          title={title}
          data-auto-lock={autoLock ? '' : undefined}
          aria-label={ariaLabel}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={
            [state.error ? `${id}-error` : '', describedBy ?? ''].join(' ').trim() || undefined
          }
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {suffix && <span className="decimal-suffix">{suffix}</span>}
      </span>
      {state.error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {state.error}
        </span>
      )}
    </span>
  );
}
