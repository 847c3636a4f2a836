import { FieldPath, type RichTextField as RichTextFieldName, richText } from '@cofacture/shared';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { Binding } from '@lexical/yjs';
import { useCallback, useId, useMemo, useState } from 'react';
import { useEditorContext } from '../hooks/useEditorContext.ts';
import { useFieldAccess } from '../hooks/useFieldAccess.ts';
import { createFieldProvider } from '../lib/lexicalProvider.ts';
import { EditablePlugin } from '../plugins/Editable/EditablePlugin.tsx';
import { RichTextCollabPlugin } from '../plugins/RichTextCollab/RichTextCollabPlugin.tsx';
import { SharedUndoPlugin } from '../plugins/SharedUndo/SharedUndoPlugin.tsx';
import { FieldFrame } from './FieldFrame.tsx';

const THEME = {
  paragraph: 'rt-paragraph',
  text: { bold: 'rt-bold', italic: 'rt-italic', underline: 'rt-underline', strikethrough: 'rt-strike' },
};

/** Notes or payment terms: a Lexical editor bound to the invoice's own `XmlText` for the field. */
export function RichTextField({ field, label }: { field: RichTextFieldName; label: string }) {
  const { connection, me, history } = useEditorContext();
  const path = FieldPath.rich(field);
  const access = useFieldAccess(path);
  const readOnly = access.readOnly;
  const labelId = useId();
  const xmlText = richText(connection.doc, field);
  // One provider per field and connection: the binding must never see a new one mid-life.
  const provider = useMemo(() => createFieldProvider(connection.awareness, field), [connection, field]);
  // Lexical reads the config once, on mount; later read-only changes go through EditablePlugin.
  const [initialConfig] = useState(() => ({
    namespace: `cofacture-${field}`,
    // null: the content comes from the document, never from a default paragraph.
    editorState: null,
    editable: !readOnly,
    theme: THEME,
    onError: (error: Error) => console.error(`[${field}]`, error),
  }));
  const { undoManager } = connection;
  // Edits written by the binding carry the binding as their origin: tracking it makes them
  // part of this person's undo history, and nobody else's.
  const trackBinding = useCallback(
    (binding: Binding) => {
      undoManager.addTrackedOrigin(binding);
      return () => undoManager.removeTrackedOrigin(binding);
    },
    [undoManager],
  );

  if (!xmlText) {
    return <p className="field-warning">{label} cannot be edited: this invoice has no such field.</p>;
  }
  return (
    <FieldFrame path={path} label={label} labelId={labelId} className="rich-text-field">
      <LexicalComposer initialConfig={initialConfig}>
        <div className="rich-text">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="rich-text-input"
                aria-labelledby={labelId}
                aria-describedby={access.describedBy}
                title={access.reason}
                aria-multiline
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <RichTextCollabPlugin
            id={`${connection.invoiceId}/${field}`}
            doc={connection.doc}
            xmlText={xmlText}
            provider={provider}
            name={me.name}
            color={me.color}
            onBinding={trackBinding}
          />
          <SharedUndoPlugin history={history} />
          <EditablePlugin editable={!readOnly} />
        </div>
      </LexicalComposer>
    </FieldFrame>
  );
}
