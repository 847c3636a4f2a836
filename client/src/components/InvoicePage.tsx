import { useInvoiceConnection } from '../hooks/useInvoiceConnection.ts';
import { useStore } from '../hooks/useStore.ts';
import type { InvoiceConnection } from '../lib/invoiceConnection.ts';
import type { Session } from '../lib/session.ts';
import { InvoiceEditor } from './InvoiceEditor.tsx';
import { Link } from './Link.tsx';

export function InvoicePage({ invoiceId, session }: { invoiceId: string; session: Session }) {
  const connection = useInvoiceConnection(invoiceId, session);
  if (!connection) return <Loading />;
  return <LoadedInvoice key={connection.doc.guid} connection={connection} session={session} />;
}

function LoadedInvoice({ connection, session }: { connection: InvoiceConnection; session: Session }) {
  const status = useStore(connection.status);
  if (status.state === 'denied') {
    return (
      <div className="empty-state" role="alert">
        <p>This invoice cannot be opened: {status.error}</p>
        <Link to="/">Back to the invoices</Link>
      </div>
    );
  }
  // Fields are bound only once the server's state is in: the server creates every nested type,
  // and binding to a half-loaded document would show (and let people edit) nothing.
  if (!status.loaded) return <Loading offline={status.state === 'offline'} />;
  return <InvoiceEditor connection={connection} session={session} />;
}

function Loading({ offline = false }: { offline?: boolean }) {
  return (
    <p className="empty-state" role="status">
      {offline
        ? 'You are offline. The invoice opens as soon as the connection is back.'
        : 'Opening the invoice…'}
    </p>
  );
}
