import { computeTotals, HEADER_FIELDS, type Invoice, PARTIES, PARTY_FIELDS } from '@cofacture/shared';
import { HEADER_LABEL, PARTY_LABEL, partyFieldLabel } from '../../lib/fieldLabels.ts';
import { formatAmount, STATUS_LABELS } from '../../lib/format.ts';
import { TotalsPanel } from '../TotalsPanel.tsx';

/** The invoice as it was at one moment: every field, the lines, the totals, notes and terms. Read-only. */
export function InvoiceSnapshot({ invoice, seq, at }: { invoice: Invoice; seq: number; at: string | null }) {
  const totals = computeTotals(invoice.lines);
  return (
    <section className="invoice-snapshot" aria-label="Invoice at this moment" data-seq={seq}>
      <p className="muted">
        As it was after log row {seq}
        {at ? ` (${new Date(at).toLocaleString()})` : ''} — read-only.
      </p>
      <dl className="snapshot-fields">
        <Field label="Status" path="status" value={STATUS_LABELS[invoice.status] ?? invoice.status} />
        <Field label="Number" path="number" value={invoice.number ?? ''} />
        <Field label="Kind" path="kind" value={invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice'} />
        {HEADER_FIELDS.map((field) => (
          <Field key={field} label={HEADER_LABEL[field]} path={field} value={invoice[field]} />
        ))}
      </dl>
      <div className="snapshot-parties">
        {PARTIES.map((party) => (
          <div key={party}>
            <h3>{PARTY_LABEL[party]}</h3>
            <dl className="snapshot-fields">
              {PARTY_FIELDS.map((field) => (
                <Field
                  key={field}
                  label={partyFieldLabel(party, field)}
                  path={`${party}.${field}`}
                  value={invoice[party][field]}
                />
              ))}
            </dl>
          </div>
        ))}
      </div>
      <table className="invoice-table" aria-label="Lines at this moment">
        <caption className="muted">
          {invoice.lines.length} {invoice.lines.length === 1 ? 'line' : 'lines'}
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Description</th>
            <th scope="col" className="numeric">
              Quantity
            </th>
            <th scope="col" className="numeric">
              Unit price
            </th>
            <th scope="col" className="numeric">
              VAT rate
            </th>
            <th scope="col" className="numeric">
              Net
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line, index) => (
            <tr key={line.id}>
              <td>{index + 1}</td>
              <td>{line.description}</td>
              <td className="numeric">{line.quantity}</td>
              <td className="numeric">{line.unitPrice}</td>
              <td className="numeric">{line.vatRate} %</td>
              <td className="numeric">
                {totals.lineNets[index] ? formatAmount(totals.lineNets[index], invoice.currency) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TotalsPanel totals={totals} currency={invoice.currency} />
      <h3>Notes</h3>
      <p className="snapshot-text" data-field="notes">
        {invoice.notes || <span className="muted">(empty)</span>}
      </p>
      <h3>Payment terms</h3>
      <p className="snapshot-text" data-field="terms">
        {invoice.terms || <span className="muted">(empty)</span>}
      </p>
    </section>
  );
}

function Field({ label, path, value }: { label: string; path: string; value: string }) {
  return (
    <div className="snapshot-field">
      <dt>{label}</dt>
      <dd data-field={path}>{value || <span className="muted">(empty)</span>}</dd>
    </div>
  );
}
