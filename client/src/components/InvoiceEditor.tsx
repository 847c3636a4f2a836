import {
  canEditContent,
  computeTotals,
  type Decision,
  type InvoiceStatus,
  isFrozen,
  type Role,
} from '@cofacture/shared';
import { useMemo, useRef } from 'react';
import { useFocusTracking } from '../hooks/useFocusTracking.ts';
import { useInvoiceRoles } from '../hooks/useInvoiceRoles.ts';
import { useInvoiceValue } from '../hooks/useInvoiceValue.ts';
import { usePeers } from '../hooks/usePeers.ts';
import { useServerNotice } from '../hooks/useServerNotice.ts';
import { useStore } from '../hooks/useStore.ts';
import { useUndoShortcuts } from '../hooks/useUndoShortcuts.ts';
import type { InvoiceConnection } from '../lib/invoiceConnection.ts';
import { type Peer, presenceUser } from '../lib/presence.ts';
import type { Session } from '../lib/session.ts';
import type { UndoRedo } from '../lib/undo.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { EditorContext, type EditorContextValue } from './EditorContext.ts';
import { HeaderFields } from './HeaderFields.tsx';
import { LinesTable } from './LinesTable.tsx';
import { Link } from './Link.tsx';
import { PartyBlock } from './PartyBlock.tsx';
import { PresenceBar } from './PresenceBar.tsx';
import { RichTextField } from './RichTextField.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { TotalsPanel } from './TotalsPanel.tsx';
import { UndoButtons } from './UndoButtons.tsx';

export function InvoiceEditor({ connection, session }: { connection: InvoiceConnection; session: Session }) {
  const invoice = useInvoiceValue(connection.doc);
  const status = useStore(connection.status);
  const peers = usePeers(connection.awareness);
  const me = useMemo(() => presenceUser(session.user), [session.user]);
  const roles = useInvoiceRoles(connection.invoiceId, session.token);
  const notice = useServerNotice(connection.provider);
  const rights = editRights(status.readOnly, roles, invoice.status);
  const readOnly = !rights.ok;
  const totals = useMemo(() => computeTotals(invoice.lines), [invoice.lines]);
  const history = useMemo<UndoRedo>(() => {
    const { undoManager } = connection;
    return { undo: () => undoManager.undo(), redo: () => undoManager.redo() };
  }, [connection]);
  const context = useMemo<EditorContextValue>(
    () => ({ connection, me, readOnly, history, peersByField: groupByField(peers) }),
    [connection, me, readOnly, history, peers],
  );
  const rootRef = useRef<HTMLDivElement>(null);
  useFocusTracking(rootRef, connection.awareness, connection.undoManager);
  useUndoShortcuts(rootRef, history);

  const title = invoice.number ?? `Draft invoice ${connection.invoiceId.slice(0, 6)}`;
  return (
    <EditorContext.Provider value={context}>
      <div ref={rootRef} className="editor">
        <div className="editor-toolbar">
          <Link to="/" className="back-link">
            ← Invoices
          </Link>
          <h1>{title}</h1>
          <StatusBadge status={invoice.status} />
          {invoice.kind === 'credit_note' && <span className="status-badge">Credit note</span>}
          <span className="toolbar-spacer" />
          <PresenceBar me={me} peers={peers} />
          <ConnectionBadge status={status} />
          {!readOnly && <UndoButtons connection={connection} history={history} />}
        </div>
        {!rights.ok && (
          <p className="notice" role="note">
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
    </EditorContext.Provider>
  );
}

/**
 * The shared rights table decides (the same one the server's guard enforces); until the roles
 * are known, a read-only connection or a frozen invoice already settles it.
 */
function editRights(readOnlyConnection: boolean, roles: Role[] | null, status: InvoiceStatus): Decision {
  if (readOnlyConnection) return { ok: false, reason: 'You can read this invoice but not change it.' };
  if (roles) return canEditContent(roles, status);
  return isFrozen(status) ? canEditContent([], status) : { ok: true };
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
