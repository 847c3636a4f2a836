import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Binding, Provider } from '@lexical/yjs';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { registerRichTextCollab } from './registerRichTextCollab.ts';

interface RichTextCollabPluginProps {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly xmlText: Y.XmlText;
  readonly provider: Provider;
  readonly name: string;
  readonly color: string;
  readonly onBinding?: (binding: Binding) => () => void;
}

/** Thin shell over registerRichTextCollab; renders the layer remote carets are drawn in. */
export function RichTextCollabPlugin({
  id,
  doc,
  xmlText,
  provider,
  name,
  color,
  onBinding,
}: RichTextCollabPluginProps) {
  const [editor] = useLexicalComposerContext();
  const [cursors, setCursors] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!cursors) return;
    return registerRichTextCollab(editor, {
      id,
      doc,
      xmlText,
      provider,
      name,
      color,
      cursorsContainer: cursors,
      onBinding,
    });
  }, [editor, id, doc, xmlText, provider, name, color, cursors, onBinding]);
  return <div ref={setCursors} className="remote-cursors" />;
}
