import { type Invoice, readInvoice } from '@cofacture/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { docValueStore } from '../lib/docStore.ts';
import { useStore } from './useStore.ts';

/** The plain value of the invoice document, re-read after every change. */
export function useInvoiceValue(doc: Y.Doc): Invoice {
  const store = useMemo(() => docValueStore(doc, readInvoice), [doc]);
  return useStore(store);
}
