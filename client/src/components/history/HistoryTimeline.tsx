import type { AuditEntry } from '@cofacture/shared/audit/index.ts';
import { formatMoment } from '../../lib/format.ts';
import { describeEntry, KIND_LABELS, userColor } from '../../lib/history.ts';

/** The change entries, oldest first, each in its author's colour; a click replays to it. */
export function HistoryTimeline({
  entries,
  currentSeq,
  onReplay,
}: {
  entries: readonly AuditEntry[];
  currentSeq: number | null;
  onReplay(seq: number): void;
}) {
  return (
    <ol className="history-timeline" aria-label="Changes">
      {entries.map((entry) => {
        const color = userColor(entry.userId);
        const current = currentSeq !== null && entry.seqFrom <= currentSeq && currentSeq <= entry.seqTo;
        return (
          <li
            key={`${entry.id ?? 'pending'}-${entry.seqFrom}`}
            className={`history-entry${current ? ' is-current' : ''}`}
            style={{ borderLeftColor: color }}
            data-seq={entry.seqTo}
            aria-current={current ? 'step' : undefined}
          >
            <div className="history-entry-meta">
              <span className="author-dot" style={{ background: color }} aria-hidden="true" />
              <strong style={{ color }}>{entry.userName}</strong>
              <time dateTime={entry.atTo} title={entry.atTo}>
                {formatMoment(entry.atTo)}
              </time>
              <span className="history-kind">{KIND_LABELS[entry.kind]}</span>
              {!entry.final && <span className="muted">(still being typed)</span>}
            </div>
            <p className="history-entry-what">{describeEntry(entry)}</p>
            <button
              type="button"
              className="button-link"
              aria-label={`Replay to entry at seq ${entry.seqTo}`}
              onClick={() => onReplay(entry.seqTo)}
            >
              Replay to here
            </button>
          </li>
        );
      })}
    </ol>
  );
}
