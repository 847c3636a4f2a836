import {
  canEdit,
  commentRefusals,
  commentsMap,
  conflictingLock,
  invoiceMap,
  isInvoiceStatus,
  itemPath,
  KEY,
  locksMap,
  type ServerMessage,
  touchedPaths,
} from '@cofacture/shared';
import { Connection, type Extension, type onLoadDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { ConnectionContext } from '../context.ts';
import { narrowStackItem, type StackItem } from './narrowStackItem.ts';

export interface Refusal {
  path: string;
  reason: string;
}

/** Lets an extension hear which paths a user changed and kept (the locks' idle clock). */
export type AcceptedEditListener = (
  documentName: string,
  userId: string,
  paths: readonly string[],
  transaction: Y.Transaction,
) => void;

/** Hears every refused edit (the audit log records the attempt and its reason). */
export type RejectedEditListener = (
  documentName: string,
  userId: string,
  refusals: readonly Refusal[],
) => void;

export interface GuardListeners {
  onAccepted?: AcceptedEditListener;
  onRejected?: RejectedEditListener;
}

/**
 * Enforcement without breaking convergence (DESIGN §6). A client already applied its edit
 * locally, so refusing the update would leave it diverged. The update is let in (and logged),
 * then a server-origin compensating transaction reverts exactly the refused parts: every
 * replica, including ones that join later, converges to the permitted state.
 *
 * A per-document `Y.UndoManager` tracks every connection's transactions (captureTimeout 0, so
 * one stack item per transaction); an accepted transaction's item is dropped at once, a refused
 * one is narrowed to the refused items and undone.
 */
export class GuardExtension implements Extension {
  priority = 800;
  extensionName = 'cofacture-guard';

  constructor(private readonly listeners: GuardListeners = {}) {}

  /**
   * Registered at load, before Persistence (afterLoadDocument) adds its append listener to the
   * document's `update` event and after Hocuspocus's own broadcast listener (added when the
   * document was created): so the check runs once the update has left for the other clients,
   * off the path of every collaborator's latency, and still before the update is appended
   * (the audit pairs a refusal with the row that follows it) and acknowledged.
   */
  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const undo = new Y.UndoManager([invoiceMap(document), locksMap(document), commentsMap(document)], {
      captureTimeout: 0,
      trackedOrigins: new Set([Connection]),
    });
    // The compensation itself must never land on the stack: undoing it would replay the refused edit.
    undo.trackedOrigins.delete(undo);
    let captured: StackItem | null = null;
    undo.on('stack-item-added', ({ stackItem }: { stackItem: StackItem }) => {
      captured = stackItem;
    });
    // Only the capture happens before the broadcast: the UndoManager's own handler (registered
    // first) has just taken this transaction's item and kept its deleted items from GC, which
    // is what lets the check below read them after the transaction's cleanup.
    const unchecked: { transaction: Y.Transaction; stackItem: StackItem | null }[] = [];
    document.on('afterTransaction', (transaction: Y.Transaction) => {
      if (!(transaction.origin instanceof Connection)) return;
      unchecked.push({ transaction, stackItem: captured });
      captured = null;
    });
    const pending: (() => void)[] = [];
    const checkNext = (transaction?: Y.Transaction) => {
      const at = transaction ? unchecked.findIndex((u) => u.transaction === transaction) : 0;
      const entry = at === -1 ? undefined : unchecked.splice(at, 1)[0];
      if (!entry || !(entry.transaction.origin instanceof Connection)) return;
      const compensate = this.check(
        documentName,
        document,
        undo,
        entry.transaction,
        entry.transaction.origin,
        entry.stackItem,
        pending.length > 0 || unchecked.length > 0,
      );
      if (compensate) pending.push(compensate);
    };
    document.on('update', (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) =>
      checkNext(transaction),
    );
    // Compensations run once the refused transaction is fully done — so its logged update holds
    // only what its author sent — and still before Hocuspocus acks it (the ack follows the
    // whole applyUpdate call, and this event ends it). A transaction that wrote nothing had no
    // `update` event: it is checked here.
    document.on('afterAllTransactions', () => {
      while (unchecked.length > 0) checkNext();
      for (const job of pending.splice(0)) job();
    });
    document.on('destroy', () => undo.destroy());
  }

  private check(
    name: string,
    doc: Y.Doc,
    undo: Y.UndoManager,
    tr: Y.Transaction,
    connection: Connection,
    stackItem: StackItem | null,
    compensationPending: boolean,
  ): (() => void) | null {
    const context = connection.context as ConnectionContext;
    const touched = touchedPaths(doc, tr);
    const refusals = refusalsFor(doc, context, touched);
    // Comment threads are checked item by item: whose words, which keys (only when touched).
    if (touched.some((t) => t.path.startsWith('comments.'))) {
      refusals.push(...commentRefusals(doc, tr, { userId: context.user.id, roles: context.roles }));
    }
    if (refusals.length === 0) {
      // A compensation still waiting needs its stack item (and the items it keeps from GC).
      if (!compensationPending) undo.clear(true, false);
      this.listeners.onAccepted?.(
        name,
        context.user.id,
        touched.map((t) => t.path),
        tr,
      );
      return null;
    }
    // Heard now, before the refused row is appended: the audit pairs it with that row.
    this.listeners.onRejected?.(name, context.user.id, refusals);
    return () => {
      if (stackItem && undo.undoStack.includes(stackItem)) {
        const refused = refusals.map((r) => r.path);
        doc.transact((compensation) => {
          narrowStackItem(compensation, stackItem, (item) => {
            const path = itemPath(doc, item);
            return path !== null && refused.some((r) => path === r || path.startsWith(`${r}.`));
          });
          undo.undoStack.splice(0, undo.undoStack.length, stackItem);
          undo.undo();
        }, undo);
      }
      undo.clear(true, true);
      const message: ServerMessage = {
        type: 'edit.rejected',
        paths: refusals.map((r) => r.path),
        reason: [...new Set(refusals.map((r) => r.reason))].join(' '),
      };
      connection.sendStateless(JSON.stringify(message));
    };
  }
}

export function refusalsFor(
  doc: Y.Doc,
  context: ConnectionContext,
  touched: readonly { path: string; malformed: boolean }[],
): Refusal[] {
  const rawStatus = invoiceMap(doc).get(KEY.status);
  const status = isInvoiceStatus(rawStatus) ? rawStatus : 'draft';
  const refusals: Refusal[] = [];
  for (const { path, malformed } of touched) {
    const decision = canEdit(context.roles, path, status);
    if (!decision.ok) refusals.push({ path, reason: decision.reason });
    else if (malformed)
      refusals.push({ path, reason: `The change to "${path}" does not fit the invoice's structure.` });
    else {
      const lock = conflictingLock(doc, path, context.user.id);
      if (lock) refusals.push({ path, reason: `${lock.path} is locked by ${lock.holder.name}.` });
    }
  }
  return refusals;
}
