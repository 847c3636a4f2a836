import { useEffect, useState } from 'react';
import { type InvoiceConnection, openInvoiceConnection } from '../lib/invoiceConnection.ts';
import { presenceUser } from '../lib/presence.ts';
import type { Session } from '../lib/session.ts';

/** Opens the invoice's live document for as long as the page shows it. */
export function useInvoiceConnection(invoiceId: string, session: Session): InvoiceConnection | null {
  const [connection, setConnection] = useState<InvoiceConnection | null>(null);
  const { token, user } = session;
  useEffect(() => {
    const opened = openInvoiceConnection({ invoiceId, token, user: presenceUser(user) });
    setConnection(opened);
    return () => {
      setConnection(null);
      opened.destroy();
    };
  }, [invoiceId, token, user]);
  return connection;
}
