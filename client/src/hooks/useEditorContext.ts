import { useContext } from 'react';
import { EditorContext, type EditorContextValue } from '../components/EditorContext.ts';

export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditorContext is used outside an open invoice.');
  return value;
}
