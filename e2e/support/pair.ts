import { afterAll, beforeAll } from 'vitest';
import type { EditorPage } from './editorPage.ts';
import { type E2E, startE2E } from './harness.ts';

export interface EditorPair {
  readonly e2e: E2E;
  /** Alice Martin, preparer, who created the invoice. */
  readonly alice: EditorPage;
  /** Adèle Admin, who may also edit a draft. */
  readonly adele: EditorPage;
  readonly invoiceId: string;
}

/**
 * Registers, in the calling `describe`, a server + browser started before its tests and closed
 * after, with one invoice (`invoice` is its initial content) open for Alice and for Adèle.
 */
export function useEditorPair(invoice: Record<string, unknown>): EditorPair {
  const state: { e2e?: E2E; alice?: EditorPage; adele?: EditorPage; invoiceId?: string } = {};
  beforeAll(async () => {
    state.e2e = await startE2E();
    state.invoiceId = await state.e2e.createInvoice('alice@demo.test', invoice);
    state.alice = await state.e2e.openInvoice('alice@demo.test', state.invoiceId);
    state.adele = await state.e2e.openInvoice('admin@demo.test', state.invoiceId);
  });
  afterAll(async () => {
    await state.e2e?.close();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is not ready: use it inside a test, after beforeAll.`);
    return value;
  };
  return {
    get e2e() {
      return ready(state.e2e, 'e2e');
    },
    get alice() {
      return ready(state.alice, 'alice');
    },
    get adele() {
      return ready(state.adele, 'adele');
    },
    get invoiceId() {
      return ready(state.invoiceId, 'invoiceId');
    },
  };
}
