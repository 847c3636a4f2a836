import { computeTotals, isFrozen, missingMentions } from '@cofacture/shared';
import { useCallback, useMemo, useRef } from 'react';
import { useAutoLock } from '../hooks/useAutoLock.ts';
import { useCommentShortcut } from '../hooks/useCommentShortcut.ts';
import { useCommentsState } from '../hooks/useCommentsState.ts';
import { useFocusTracking } from '../hooks/useFocusTracking.ts';
import { useInvoiceRoles } from '../hooks/useInvoiceRoles.ts';
import { useInvoiceValue } from '../hooks/useInvoiceValue.ts';
import { useLockRequests } from '../hooks/useLockRequests.ts';
import { useLocks } from '../hooks/useLocks.ts';
import { usePeers } from '../hooks/usePeers.ts';
import { useServerNotice } from '../hooks/useServerNotice.ts';
import { useStore } from '../hooks/useStore.ts';
import { useUndoShortcuts } from '../hooks/useUndoShortcuts.ts';
import { type AccessFacts, contentDecision, RIGHTS_NOTE_ID } from '../lib/fieldAccess.ts';
import { pathLabel } from '../lib/fieldLabels.ts';
import { canAudit } from '../lib/history.ts';
import type { InvoiceConnection } from '../lib/invoiceConnection.ts';
import { mentionsByPath } from '../lib/mentions.ts';
import { type Peer, presenceUser } from '../lib/presence.ts';
import { historyPath } from '../lib/router.ts';
import type { Session } from '../lib/session.ts';
import type { UndoRedo } from '../lib/undo.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { CommentsContext } from './comments/CommentsContext.ts';
import { CommentsPanel } from './comments/CommentsPanel.tsx';
import { EditorContext, type EditorContextValue } from './EditorContext.ts';
import { HeaderFields } from './HeaderFields.tsx';
import { InvoiceTitle } from './InvoiceTitle.tsx';
import { LinesTable } from './LinesTable.tsx';
import { Link } from './Link.tsx';
import { PartyBlock } from './PartyBlock.tsx';
import { PresenceBar } from './PresenceBar.tsx';
import { RichTextField } from './RichTextField.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { TotalsPanel } from './TotalsPanel.tsx';
import { UndoButtons } from './UndoButtons.tsx';
import { WorkflowPanel } from './WorkflowPanel.tsx';

export function InvoiceEditor({ connection, session }: { connection: InvoiceConnection; session: Session }) {
  const invoice = useInvoiceValue(connection.doc);
  const status = useStore(connection.status);
  const peers = usePeers(connection.awareness);
  const me = useMemo(() => presenceUser(session.user), [session.user]);
  const roles = useInvoiceRoles(connection.invoiceId, session.token);
  const lockEntries = useLocks(connection.doc);
  // Lock requests decide on the facts of the moment they are made, hence a ref.
  const factsRef = useRef<AccessFacts | null>(null);
  const locks = useLockRequests(
    connection,
    useCallback(() => factsRef.current, []),
  );
  const autoLocks = useStore(locks.autoLocks);
  const facts = useMemo<AccessFacts>(
    () => ({
      userId: session.user.id,
      roles,
      status: invoice.status,
      readOnlyConnection: status.readOnly,
      locks: lockEntries,
      autoLocks,
    }),
    [session.user.id, roles, invoice.status, status.readOnly, lockEntries, autoLocks],
  );
  factsRef.current = facts;
  const lineIds = useMemo(() => invoice.lines.map((line) => line.id), [invoice.lines]);
  const describePath = useCallback((path: string) => pathLabel(path, lineIds), [lineIds]);
  const notice = useServerNotice(connection.provider, describePath);
  const rights = contentDecision(facts);
  const readOnly = !rights.ok;
  const missing = useMemo(() => (isFrozen(invoice.status) ? [] : missingMentions(invoice)), [invoice]);
  const mentions = useMemo(() => mentionsByPath(missing), [missing]);
  const totals = useMemo(() => computeTotals(invoice.lines), [invoice.lines]);
  const history = useMemo<UndoRedo>(() => {
    const { undoManager } = connection;
    return { undo: () => undoManager.undo(), redo: () => undoManager.redo() };
  }, [connection]);
  const online = status.state === 'connected';
  const context = useMemo<EditorContextValue>(
    () => ({
      connection,
      me,
      readOnly,
      facts,
      locks,
      online,
      mentions,
      history,
      peersByField: groupByField(peers),
    }),
    [connection, me, readOnly, facts, locks, online, mentions, history, peers],
  );
  const rootRef = useRef<HTMLDivElement>(null);
  useFocusTracking(rootRef, connection.awareness, connection.undoManager);
  useUndoShortcuts(rootRef, history);
  useAutoLock(rootRef, locks);
  const comments = useCommentsState(connection, session, facts);
  useCommentShortcut(rootRef, connection.doc, comments.canComment, comments.startComment);

  return (
    <EditorContext.Provider value={context}>
      <CommentsContext.Provider value={comments}>
        <div className="editor-layout">
          <div ref={rootRef} className="editor">
            <div className="editor-toolbar">
              <Link to="/" className="back-link">
                ← Invoices
              </Link>
              <InvoiceTitle invoice={invoice} invoiceId={connection.invoiceId} />
              <StatusBadge status={invoice.status} />
              {canAudit(roles) && <Link to={historyPath(connection.invoiceId)}>History</Link>}
              <span className="toolbar-spacer" />
              <PresenceBar me={me} peers={peers} />
              <ConnectionBadge status={status} />
              {!readOnly && <UndoButtons connection={connection} history={history} />}
            </div>
            <WorkflowPanel
              invoiceId={connection.invoiceId}
              token={session.token}
              invoice={invoice}
              missing={missing}
            />
            {!rights.ok && (
              <p className="notice" role="note" id={RIGHTS_NOTE_ID}>
                {rights.reason}
              </p>
            )}
            {notice && (
              <p className="notice notice-warning" role="alert">
                {notice}
              </p>
            )}
            <div className="parties">
              <PartyBlock party="seller" />
              <PartyBlock party="buyer" />
            </div>
            <HeaderFields invoice={invoice} />
            <LinesTable invoice={invoice} totals={totals} />
            <div className="editor-bottom">
              <div className="rich-fields">
                <RichTextField field="notes" label="Notes" />
                <RichTextField field="terms" label="Payment terms" />
              </div>
              <TotalsPanel totals={totals} currency={invoice.currency} />
            </div>
          </div>
          <CommentsPanel />
        </div>
      </CommentsContext.Provider>
    </EditorContext.Provider>
  );
}

function groupByField(peers: readonly Peer[]): Map<string, Peer[]> {
  const byField = new Map<string, Peer[]>();
  for (const peer of peers) {
    if (peer.focus === null) continue;
    const list = byField.get(peer.focus) ?? [];
    list.push(peer);
    byField.set(peer.focus, list);
  }
  return byField;
}
