import { type InvoiceSummary, isInvoiceStatus } from '@cofacture/shared';

export type EventStreamState = 'connecting' | 'open' | 'closed';

/**
 * Follows `GET /api/events`: one `invoice` event per created or changed invoice of the
 * user's organisations. EventSource cannot send headers, hence the token in the query.
 * The browser reconnects by itself after a network loss.
 */
export function subscribeInvoiceEvents(
  token: string,
  onInvoice: (invoice: InvoiceSummary) => void,
  onState: (state: EventStreamState) => void = () => {},
): () => void {
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  const onMessage = (event: MessageEvent<string>) => {
    const invoice = parseSummary(event.data);
    if (invoice) onInvoice(invoice);
  };
  source.addEventListener('invoice', onMessage);
  source.onopen = () => onState('open');
  source.onerror = () => onState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
  return () => {
    source.removeEventListener('invoice', onMessage);
    source.close();
  };
}

function parseSummary(data: string): InvoiceSummary | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const { id, status } = value as { id?: unknown; status?: unknown };
    return typeof id === 'string' && isInvoiceStatus(status) ? (value as InvoiceSummary) : null;
  } catch {
    return null;
  }
}
