import { useCallback, useId, useRef } from 'react';
import type * as Y from 'yjs';
import { useEditorContext } from '../hooks/useEditorContext.ts';
import { useFieldAccess } from '../hooks/useFieldAccess.ts';
import { useTextBinding } from '../hooks/useTextBinding.ts';
import type { TextControl } from '../lib/textBinding.ts';
import { FieldFrame } from './FieldFrame.tsx';

interface TextFieldProps {
  readonly path: string;
  readonly label: string;
  readonly text: Y.Text | null;
  readonly multiline?: boolean;
  /** For controls whose visible label is elsewhere (a table column header). */
  readonly ariaLabel?: string;
  readonly type?: 'text' | 'email';
  readonly placeholder?: string;
}

/** A text input bound to a Y.Text: concurrent typing merges, remote edits keep the caret. */
export function TextField({
  path,
  label,
  text,
  multiline = false,
  ariaLabel,
  type = 'text',
  placeholder,
}: TextFieldProps) {
  const { connection } = useEditorContext();
  const access = useFieldAccess(path);
  const id = useId();
  const ref = useRef<TextControl | null>(null);
  const setRef = useCallback((element: TextControl | null) => {
    ref.current = element;
  }, []);
  useTextBinding(ref, text, connection.origin);
  const common = {
    id,
    ref: setRef,
    readOnly: access.readOnly || !text,
    title: access.reason,
    'aria-label': ariaLabel,
    'aria-describedby': access.describedBy,
    placeholder,
    spellCheck: false,
  };
  return (
    <FieldFrame
      path={path}
      label={label}
      fullLabel={ariaLabel ?? label}
      htmlFor={id}
      hideLabel={ariaLabel !== undefined}
    >
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type={type} autoComplete="off" />}
    </FieldFrame>
  );
}
