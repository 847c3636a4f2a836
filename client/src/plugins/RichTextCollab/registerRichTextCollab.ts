import {
  type Binding,
  createYjsBinding,
  initLocalState,
  type Provider,
  setLocalStateFocus,
  syncCursorPositions,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
} from '@lexical/yjs';
import {
  BLUR_COMMAND,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_EDITOR,
  FOCUS_COMMAND,
  type LexicalEditor,
  mergeRegister,
  SKIP_COLLAB_TAG,
} from 'lexical';
import * as Y from 'yjs';

export interface RichTextCollabOptions {
  /** Unique per editor on the page, e.g. `<invoiceId>/notes`. */
  readonly id: string;
  readonly doc: Y.Doc;
  /** The field's root, already synced from the server (never created here). */
  readonly xmlText: Y.XmlText;
  readonly provider: Provider;
  readonly name: string;
  readonly color: string;
  /** Where remote carets and selections are drawn; positioned relative to its offset parent. */
  readonly cursorsContainer: HTMLElement | null;
  /** Told the binding, whose object is the origin of every edit this editor writes (for undo). */
  readonly onBinding?: (binding: Binding) => () => void;
}

/**
 * Binds a Lexical editor to an `XmlText` nested in the invoice document, the way Lexical's
 * CollaborationPlugin does with `getXmlText`, but for a document the page has already synced
 * and a provider the page owns: the plugin's provider lifecycle (connect on mount, disconnect
 * on unmount, bootstrap on sync) does not fit one socket shared by several editors.
 */
export function registerRichTextCollab(editor: LexicalEditor, options: RichTextCollabOptions): () => void {
  const { id, doc, xmlText, provider, name, color } = options;
  const binding = createYjsBinding({
    editor,
    id,
    doc,
    docMap: new Map([[id, doc]]),
    getXmlText: () => xmlText,
  });
  binding.cursorsContainer = options.cursorsContainer;

  // The content is already in the document, so no sync event will bring it in (lexical#4999):
  // build the editor from the current delta, tagged so it is not written back.
  editor.update(
    () => {
      binding.root.applyChildrenYjsDelta(binding, xmlText.toDelta());
      binding.root.syncChildrenFromYjs(binding);
    },
    { tag: COLLABORATION_TAG, discrete: true },
  );

  const onYjsChanges = (events: Array<Y.YEvent<Y.Text>>, transaction: Y.Transaction) => {
    if (transaction.origin === binding) return;
    syncYjsChangesToLexical(binding, provider, events, transaction.origin instanceof Y.UndoManager);
  };
  xmlText.observeDeep(onYjsChanges);

  const root = editor.getRootElement();
  initLocalState(provider, name, color, root !== null && root.ownerDocument.activeElement === root, {});
  const onAwareness = () => syncCursorPositions(binding, provider);
  provider.awareness.on('update', onAwareness);
  const untrack = options.onBinding?.(binding) ?? (() => {});

  const unregister = mergeRegister(
    editor.registerUpdateListener(
      ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
        if (tags.has(SKIP_COLLAB_TAG)) return;
        syncLexicalUpdateToYjs(
          binding,
          provider,
          prevEditorState,
          editorState,
          dirtyElements,
          dirtyLeaves,
          normalizedNodes,
          tags,
        );
      },
    ),
    editor.registerCommand(
      FOCUS_COMMAND,
      () => {
        setLocalStateFocus(provider, name, color, true, {});
        return false;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      BLUR_COMMAND,
      () => {
        setLocalStateFocus(provider, name, color, false, {});
        return false;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
  );

  return () => {
    unregister();
    untrack();
    provider.awareness.off('update', onAwareness);
    xmlText.unobserveDeep(onYjsChanges);
    provider.awareness.setLocalState(null);
    for (const cursor of binding.cursors.values()) {
      const selection = cursor.selection;
      if (!selection) continue;
      selection.caret.remove();
      for (const span of selection.selections) span.remove();
      if (selection.highlight) CSS.highlights.delete(selection.highlightName);
    }
    binding.root.destroy(binding);
  };
}
