import { useQueue } from '../hooks/useQueue.ts';
import { formatAmount, formatDate } from '../lib/format.ts';
import { invoicePath } from '../lib/router.ts';
import type { Session } from '../lib/session.ts';
import { Link } from './Link.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** "My queue": what waits for this person's next step, oldest first, live. */
export function QueuePage({ session }: { session: Session }) {
  const { state, reload } = useQueue(session.token);
  return (
    <section aria-labelledby="queue-title">
      <div className="page-title-row">
        <h1 id="queue-title">My queue</h1>
      </div>
      {state.status === 'loading' && (
        <p className="empty-state" role="status">
          Loading your queue…
        </p>
      )}
      {state.status === 'unavailable' && (
        <p className="empty-state">This server does not offer a queue yet.</p>
      )}
      {state.status === 'error' && (
        <div className="empty-state" role="alert">
          <p>Your queue could not be loaded: {state.message}</p>
          <button type="button" className="button-quiet" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {state.status === 'ready' && state.items.length === 0 && (
        <p className="empty-state">Nothing waits for you. New work appears here as it arrives.</p>
      )}
      {state.status === 'ready' && state.items.length > 0 && (
        <table className="invoice-table" aria-label="Waiting for you">
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Buyer</th>
              <th scope="col">Status</th>
              <th scope="col">Your step</th>
              <th scope="col">Due date</th>
              <th scope="col" className="numeric">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {state.items.map(({ invoice, action, label }) => (
              <tr key={invoice.id} data-invoice-id={invoice.id} data-action={action}>
                <td>
                  <Link to={invoicePath(invoice.id)}>
                    {invoice.number ?? `Draft ${invoice.id.slice(0, 6)}`}
                  </Link>
                </td>
                <td>{invoice.buyerName || <span className="muted">No buyer yet</span>}</td>
                <td>
                  <StatusBadge status={invoice.status} />
                </td>
                <td>{label}</td>
                <td>{formatDate(invoice.dueDate)}</td>
                <td className="numeric">{formatAmount(invoice.grossTotal, invoice.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
