import { INVOICE_STATUSES, type InvoiceStatus } from '@cofacture/shared';
import { useMemo, useState } from 'react';
import { useInvoiceList } from '../hooks/useInvoiceList.ts';
import { useOrgRoles } from '../hooks/useOrgRoles.ts';
import { useTemplates } from '../hooks/useTemplates.ts';
import { api } from '../lib/api.ts';
import { formatAmount, formatDate, STATUS_LABELS } from '../lib/format.ts';
import { canAudit } from '../lib/history.ts';
import {
  DEFAULT_QUERY,
  type ListQuery,
  queryInvoices,
  SORT_LABELS,
  type SortKey,
} from '../lib/invoiceList.ts';
import { historyPath, invoicePath, navigate } from '../lib/router.ts';
import type { Session } from '../lib/session.ts';
import { Link } from './Link.tsx';
import { StatusBadge } from './StatusBadge.tsx';

export function InvoiceListPage({ session }: { session: Session }) {
  const { state, reload } = useInvoiceList(session.token);
  const orgRoles = useOrgRoles(session.token);
  const [query, setQuery] = useState<ListQuery>(DEFAULT_QUERY);
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const templates = useTemplates(session.token, [...orgRoles.keys()]);
  const [templateId, setTemplateId] = useState('');
  const shown = useMemo(
    () => (state.status === 'ready' ? queryInvoices(state.invoices, query) : []),
    [state, query],
  );

  const create = async () => {
    setCreating(true);
    setCreateError(null);
    try {
      const { id } = await api.createInvoice(session.token, templateId || undefined);
      navigate(invoicePath(id));
    } catch (error) {
      setCreateError(error instanceof Error ? error.message : String(error));
      setCreating(false);
    }
  };

  return (
    <section aria-labelledby="invoices-title">
      <div className="page-title-row">
        <h1 id="invoices-title">Invoices</h1>
        {templates.length > 0 && (
          <label className="template-picker">
            <span className="field-label">Start from</span>
            <select value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
              <option value="">Blank invoice</option>
              {templates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button-primary" onClick={create} disabled={creating}>
          {creating ? 'Creating…' : 'New invoice'}
        </button>
      </div>
      {createError && (
        <p className="form-error" role="alert">
          {createError}
        </p>
      )}
      <div className="list-toolbar">
        <label>
          <span className="field-label">Search</span>
          <input
            type="search"
            value={query.text}
            placeholder="Buyer, number, amount"
            onChange={(event) => setQuery({ ...query, text: event.target.value })}
          />
        </label>
        <label>
          <span className="field-label">Status</span>
          <select
            value={query.status}
            onChange={(event) => setQuery({ ...query, status: event.target.value as InvoiceStatus | 'all' })}
          >
            <option value="all">All statuses</option>
            {INVOICE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">Sort by</span>
          <select
            value={query.sort}
            onChange={(event) => setQuery({ ...query, sort: event.target.value as SortKey })}
          >
            {(Object.keys(SORT_LABELS) as SortKey[]).map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button-quiet"
          aria-label={
            query.direction === 'asc'
              ? 'Sorted ascending, switch to descending'
              : 'Sorted descending, switch to ascending'
          }
          onClick={() => setQuery({ ...query, direction: query.direction === 'asc' ? 'desc' : 'asc' })}
        >
          {query.direction === 'asc' ? '↑ Ascending' : '↓ Descending'}
        </button>
      </div>

      {state.status === 'loading' && (
        <p className="empty-state" role="status">
          Loading invoices…
        </p>
      )}
      {state.status === 'error' && (
        <div className="empty-state" role="alert">
          <p>The invoices could not be loaded: {state.message}</p>
          <button type="button" className="button-quiet" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {state.status === 'ready' && shown.length === 0 && (
        <p className="empty-state">
          {state.invoices.length === 0
            ? 'No invoices yet. Create the first one with “New invoice”.'
            : 'No invoice matches this search.'}
        </p>
      )}
      {state.status === 'ready' && shown.length > 0 && (
        <table className="invoice-table" aria-label="Invoices">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Buyer</th>
              <th scope="col">Status</th>
              <th scope="col">Issue date</th>
              <th scope="col">Due date</th>
              <th scope="col" className="numeric">
                Without VAT
              </th>
              <th scope="col" className="numeric">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((invoice) => (
              <tr key={invoice.id} data-invoice-id={invoice.id}>
                <td>
                  <Link to={invoicePath(invoice.id)}>
                    {invoice.number ?? `Draft ${invoice.id.slice(0, 6)}`}
                  </Link>
                  {canAudit(orgRoles.get(invoice.orgId)) && (
                    <>
                      {' '}
                      <Link to={historyPath(invoice.id)} className="history-link">
                        History
                      </Link>
                    </>
                  )}
                </td>
                <td>{invoice.buyerName || <span className="muted">No buyer yet</span>}</td>
                <td>
                  <StatusBadge status={invoice.status} />
                </td>
                <td>{formatDate(invoice.issueDate)}</td>
                <td>{formatDate(invoice.dueDate)}</td>
                <td className="numeric">{formatAmount(invoice.netTotal, invoice.currency)}</td>
                <td className="numeric">{formatAmount(invoice.grossTotal, invoice.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
