import type * as Y from 'yjs';
import { readInvoice } from '../invoice/read.ts';
import { commentsMap, locksMap } from '../invoice/schema.ts';
import type { Invoice } from '../invoice/types.ts';

/**
 * Everything of an invoice document a person can read at one moment: the invoice itself, the
 * server-owned lock map and the comment threads (both as plain JSON). The audit log diffs two
 * of these; state-at-seq answers one.
 */
export interface AuditView {
  invoice: Invoice;
  locks: Record<string, unknown>;
  comments: Record<string, unknown>;
}

export function readAuditView(doc: Y.Doc): AuditView {
  return {
    invoice: readInvoice(doc),
    locks: locksMap(doc).toJSON() as Record<string, unknown>,
    comments: commentsMap(doc).toJSON() as Record<string, unknown>,
  };
}
