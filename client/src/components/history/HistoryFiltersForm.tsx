import { ENTRY_KINDS, type HistoryFilters, hasFilters, KIND_LABELS, NO_FILTERS } from '../../lib/history.ts';

/** Who, what kind, which field, when: each narrows the timeline (the server filters). */
export function HistoryFiltersForm({
  filters,
  authors,
  onChange,
}: {
  filters: HistoryFilters;
  authors: { userId: string; userName: string }[];
  onChange(next: HistoryFilters): void;
}) {
  const set = (patch: Partial<HistoryFilters>) => onChange({ ...filters, ...patch });
  return (
    <fieldset className="history-filters">
      <legend>Filter the changes</legend>
      <label>
        <span className="field-label">User</span>
        <select value={filters.user} onChange={(event) => set({ user: event.target.value })}>
          <option value="">Everyone</option>
          {authors.map((author) => (
            <option key={author.userId} value={author.userId}>
              {author.userName}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">Kind</span>
        <select
          value={filters.kind}
          onChange={(event) => set({ kind: event.target.value as HistoryFilters['kind'] })}
        >
          <option value="">All kinds</option>
          {ENTRY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">Field path</span>
        <input
          type="search"
          value={filters.path}
          placeholder="buyer.name, lines"
          onChange={(event) => set({ path: event.target.value })}
        />
      </label>
      <label>
        <span className="field-label">From time</span>
        <input
          type="datetime-local"
          value={filters.from}
          onChange={(event) => set({ from: event.target.value })}
        />
      </label>
      <label>
        <span className="field-label">To time</span>
        <input
          type="datetime-local"
          value={filters.to}
          onChange={(event) => set({ to: event.target.value })}
        />
      </label>
      <button
        type="button"
        className="button-quiet"
        disabled={!hasFilters(filters)}
        onClick={() => onChange(NO_FILTERS)}
      >
        Clear filters
      </button>
    </fieldset>
  );
}
