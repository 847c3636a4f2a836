import type { DiffResponse } from '@cofacture/shared/audit/index.ts';
import type { Loaded } from '../../hooks/useLoader.ts';
import { formatMoment } from '../../lib/format.ts';
import { describeFieldChange, type ReplayStop } from '../../lib/history.ts';

/** Two moments to compare and their field-level differences, before → after. */
export function DiffView({
  stops,
  from,
  to,
  onChange,
  diff,
}: {
  stops: readonly ReplayStop[];
  from: number;
  to: number;
  onChange(range: { from: number; to: number }): void;
  diff: Loaded<DiffResponse>;
}) {
  const options = [
    <option key={0} value={0}>
      Empty document (seq 0)
    </option>,
    ...stops.map((stop, index) => (
      <option key={stop.seq} value={stop.seq}>
        {`#${index + 1} seq ${stop.seq} — ${stop.entry.userName}, ${formatMoment(stop.entry.atTo)}`}
      </option>
    )),
  ];
  return (
    <section className="diff-view" aria-labelledby="diff-title">
      <h2 id="diff-title">Compare two moments</h2>
      <div className="diff-controls">
        <label>
          <span className="field-label">Compare from</span>
          <select value={from} onChange={(event) => onChange({ from: Number(event.target.value), to })}>
            {options}
          </select>
        </label>
        <label>
          <span className="field-label">Compare to</span>
          <select value={to} onChange={(event) => onChange({ from, to: Number(event.target.value) })}>
            {options}
          </select>
        </label>
      </div>
      {from >= to && <p className="muted">Choose a “Compare from” moment earlier than “Compare to”.</p>}
      {from < to && diff.status === 'loading' && (
        <p className="muted" role="status">
          Comparing…
        </p>
      )}
      {from < to && diff.status === 'error' && (
        <p className="form-error" role="alert">
          The comparison failed: {diff.message}
        </p>
      )}
      {from < to && diff.status === 'ready' && diff.value.changes.length === 0 && (
        <p className="muted">No difference between these two moments.</p>
      )}
      {from < to && diff.status === 'ready' && diff.value.changes.length > 0 && (
        <ul className="diff-list" aria-label="Differences">
          {diff.value.changes.map(({ summary, change }) => (
            <li key={`${change.type}:${change.path}`}>{describeFieldChange(change) ?? summary}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
