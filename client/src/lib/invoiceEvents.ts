import { type InvoiceSummary, isInvoiceStatus } from '@cofacture/shared';
import { type EventStreamState, eventStreams } from './eventStream.ts';

/**
 * Follows the `invoice` events of `GET /api/events`: one per created or changed invoice of
 * the user's organisations.
 */
export function subscribeInvoiceEvents(
  token: string,
  onInvoice: (invoice: InvoiceSummary) => void,
  onState: (state: EventStreamState) => void = () => {},
): () => void {
  return eventStreams.subscribe(
    token,
    'invoice',
    (data) => {
      const invoice = parseSummary(data);
      if (invoice) onInvoice(invoice);
    },
    onState,
  );
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
