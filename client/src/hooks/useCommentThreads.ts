import { readThreads } from '@cofacture/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { type ThreadView, viewThread } from '../lib/commentAnchors.ts';
import { docValueStore } from '../lib/docStore.ts';
import { useStore } from './useStore.ts';

/** Every comment thread of the invoice with where its anchor is now, live. */
export function useCommentThreads(doc: Y.Doc): readonly ThreadView[] {
  const store = useMemo(
    () => docValueStore(doc, (d) => readThreads(d).map((thread) => viewThread(d, thread))),
    [doc],
  );
  return useStore(store);
}
