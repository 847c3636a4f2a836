import type { Invoice } from '../invoice/types.ts';
import type { FieldChange } from './diff.ts';

/** JSON shapes of the audit API (`/api/invoices/:id/history|state|diff|verify|export`). */

/**
 * `create`: the document's first update. `edit`: content. `lock`, `comment`: the lock map and
 * comment threads. `workflow`: status, number or kind set by the server. `rejected`: an edit the
 * guard refused and reverted, attributed to the person who tried it. `system`: server upkeep
 * (schema migrations).
 */
export const AUDIT_ENTRY_KINDS = [
  'create',
  'edit',
  'lock',
  'comment',
  'workflow',
  'rejected',
  'system',
] as const;
export type AuditEntryKind = (typeof AUDIT_ENTRY_KINDS)[number];

export interface AuditEntry {
  /** Per-invoice entry number, increasing; null while the entry is still pending. */
  id: number | null;
  /** False for a group still open (someone is typing); it becomes final once they stop. */
  final: boolean;
  /** The log rows (`doc_updates.seq`) this entry covers, inclusive. */
  seqFrom: number;
  seqTo: number;
  atFrom: string;
  atTo: string;
  /** The authenticated user (never a Yjs client id); `system` and `guard` for server upkeep. */
  userId: string;
  userName: string;
  kind: AuditEntryKind;
  /** Field path (`buyer.name`, `lines.<id>.quantity`, `locks.<path>`, `comments.<thread>`); '' for create. */
  path: string;
  summary: string;
  /** Why the guard refused it (`rejected` only). */
  reason: string | null;
  change: FieldChange | null;
}

export interface HistoryResponse {
  invoiceId: string;
  /** Last seq of the log when answering. */
  head: number;
  entries: AuditEntry[];
  /** Pass as `after` for the next page; null on the last page. */
  next: number | null;
  /** Entries of groups still open (last page only, unfiltered by id). */
  pending: AuditEntry[];
}

export interface StateResponse {
  invoiceId: string;
  seq: number;
  /** When row `seq` was appended; null for seq 0 (the empty document). */
  at: string | null;
  head: number;
  invoice: Invoice;
  locks: Record<string, unknown>;
  comments: Record<string, unknown>;
}

export interface DiffResponse {
  invoiceId: string;
  from: number;
  to: number;
  changes: { summary: string; change: FieldChange }[];
}

export type ChainBreakReason =
  | 'seq gap (row missing)'
  | 'prev_hash does not link'
  | 'hash mismatch'
  | 'malformed row'
  | 'log truncated';

export interface ChainVerification {
  ok: boolean;
  doc: string;
  /** Rows whose hash was recomputed. */
  checked: number;
  /** The last row read: what an outside party anchors to. */
  head: { seq: number; hash: string } | null;
  /** The first row that does not check out (for a missing row: the seq that is missing). */
  firstBad: { seq: number; reason: ChainBreakReason; detail: string } | null;
}

export interface OrgVerifyResponse {
  ok: boolean;
  orgId: string;
  documents: number;
  checked: number;
  results: ChainVerification[];
}
