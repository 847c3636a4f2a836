import type { Totals } from '@cofacture/shared';
import { formatAmount } from '../lib/format.ts';

/** Totals as EN 16931 computes them (shared money module): net, VAT per rate, gross. */
export function TotalsPanel({ totals, currency }: { totals: Totals; currency: string }) {
  return (
    <section className="totals" aria-labelledby="totals-title">
      <h2 id="totals-title">Totals</h2>
      <dl>
        <div className="totals-row">
          <dt>Total without VAT</dt>
          <dd data-total="net">{formatAmount(totals.netTotal, currency)}</dd>
        </div>
        {totals.vatBreakdown.map((vat) => (
          <div className="totals-row totals-vat" key={vat.rate}>
            <dt>
              VAT {vat.rate} % <span className="muted">on {formatAmount(vat.base, currency)}</span>
            </dt>
            <dd data-total={`vat-${vat.rate}`}>{formatAmount(vat.amount, currency)}</dd>
          </div>
        ))}
        <div className="totals-row totals-gross">
          <dt>Total with VAT</dt>
          <dd data-total="gross">{formatAmount(totals.grossTotal, currency)}</dd>
        </div>
      </dl>
      {totals.invalidLines.length > 0 && (
        <p className="field-warning" role="status">
          {totals.invalidLines.length === 1 ? 'One line is' : `${totals.invalidLines.length} lines are`} left
          out of the totals until {totals.invalidLines.length === 1 ? 'its' : 'their'} numbers are complete
          (line {totals.invalidLines.map((index) => index + 1).join(', ')}).
        </p>
      )}
    </section>
  );
}
