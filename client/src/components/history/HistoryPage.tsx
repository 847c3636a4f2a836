import { useMemo, useState } from 'react';
import { useAuditDiff } from '../../hooks/useAuditDiff.ts';
import { useAuditHistory } from '../../hooks/useAuditHistory.ts';
import { useAuditState } from '../../hooks/useAuditState.ts';
import { useChainVerification } from '../../hooks/useChainVerification.ts';
import { useInvoiceRoles } from '../../hooks/useInvoiceRoles.ts';
import {
  authorsOf,
  canAudit,
  type HistoryFilters,
  hasFilters,
  NO_FILTERS,
  replayStops,
  userColor,
} from '../../lib/history.ts';
import { invoicePath } from '../../lib/router.ts';
import type { Session } from '../../lib/session.ts';
import { Link } from '../Link.tsx';
import { DiffView } from './DiffView.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { HistoryFiltersForm } from './HistoryFiltersForm.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { IntegrityBadge } from './IntegrityBadge.tsx';
import { InvoiceSnapshot } from './InvoiceSnapshot.tsx';
import { ReplaySlider } from './ReplaySlider.tsx';
import './history.css';

/** The auditor's page: timeline, replay, diff, integrity and export of one invoice's log. Read-only. */
export function HistoryPage({ invoiceId, session }: { invoiceId: string; session: Session }) {
  const roles = useInvoiceRoles(invoiceId, session.token);
  const auditor = canAudit(roles);
  const all = useAuditHistory(invoiceId, session.token);
  const [filters, setFilters] = useState<HistoryFilters>(NO_FILTERS);
  const filtered = useAuditHistory(invoiceId, session.token, filters);
  const verification = useChainVerification(invoiceId, session.token, auditor);

  const stops = useMemo(
    () => (all.status === 'ready' ? replayStops(all.value.entries, all.value.pending) : []),
    [all],
  );
  const authors = useMemo(() => authorsOf(stops.map((stop) => stop.entry)), [stops]);
  // null: follow the latest stop.
  const [chosen, setChosen] = useState<number | null>(null);
  const index = chosen === null ? stops.length - 1 : Math.min(chosen, stops.length - 1);
  const seq = stops[index]?.seq ?? null;
  const state = useAuditState(invoiceId, session.token, seq);

  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const shownRange = range ?? {
    from: stops[0]?.seq ?? 0,
    to: stops[stops.length - 1]?.seq ?? 0,
  };
  const diff = useAuditDiff(
    invoiceId,
    session.token,
    stops.length > 0 && shownRange.from < shownRange.to ? shownRange : null,
  );

  const replayTo = (target: number) => {
    const at = stops.findIndex((stop) => stop.seq >= target);
    setChosen(at === -1 ? stops.length - 1 : at);
  };

  const timeline = hasFilters(filters) ? filtered : all;
  const entries =
    timeline.status === 'ready'
      ? [...timeline.value.entries, ...(hasFilters(filters) ? [] : timeline.value.pending)]
      : [];

  return (
    <section aria-labelledby="history-title" className="history-page">
      <div className="page-title-row">
        <h1 id="history-title">History of the invoice</h1>
        <Link to={invoicePath(invoiceId)}>Back to the invoice</Link>
        {auditor && <IntegrityBadge verification={verification} />}
        {auditor && <ExportButtons invoiceId={invoiceId} token={session.token} />}
      </div>

      {all.status === 'loading' && (
        <p className="empty-state" role="status">
          Loading the history…
        </p>
      )}
      {all.status === 'error' && (
        <div className="empty-state" role="alert">
          <p>The history could not be loaded: {all.message}</p>
          <button type="button" className="button-quiet" onClick={all.reload}>
            Try again
          </button>
        </div>
      )}
      {all.status === 'ready' && stops.length === 0 && (
        <p className="empty-state">This invoice has no recorded change yet.</p>
      )}
      {all.status === 'ready' && stops.length > 0 && (
        <>
          <ul className="author-legend" aria-label="Authors">
            {authors.map((author) => (
              <li key={author.userId}>
                <span
                  className="author-dot"
                  style={{ background: userColor(author.userId) }}
                  aria-hidden="true"
                />
                {author.userName}
              </li>
            ))}
          </ul>
          <div className="history-columns">
            <div className="history-left">
              <HistoryFiltersForm filters={filters} authors={authors} onChange={setFilters} />
              {timeline.status === 'loading' && (
                <p className="muted" role="status">
                  Filtering…
                </p>
              )}
              {timeline.status === 'error' && (
                <p className="form-error" role="alert">
                  The changes could not be filtered: {timeline.message}
                </p>
              )}
              {timeline.status === 'ready' && entries.length === 0 && (
                <p className="empty-state">No change matches these filters.</p>
              )}
              {entries.length > 0 && (
                <HistoryTimeline entries={entries} currentSeq={seq} onReplay={replayTo} />
              )}
            </div>
            <div className="history-right">
              <ReplaySlider stops={stops} index={index} onChange={setChosen} />
              {state.status === 'loading' && (
                <p className="muted" role="status">
                  Replaying…
                </p>
              )}
              {state.status === 'error' && (
                <p className="form-error" role="alert">
                  This moment could not be replayed: {state.message}
                </p>
              )}
              {state.status === 'ready' && (
                <InvoiceSnapshot invoice={state.value.invoice} seq={state.value.seq} at={state.value.at} />
              )}
            </div>
          </div>
          <DiffView stops={stops} from={shownRange.from} to={shownRange.to} onChange={setRange} diff={diff} />
        </>
      )}
    </section>
  );
}
