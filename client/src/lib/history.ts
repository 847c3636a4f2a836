import { type LineFieldName, lineIdOfPath, pathFamily, type RichTextField } from '@cofacture/shared';
import {
  AUDIT_ENTRY_KINDS,
  type AuditEntry,
  type AuditEntryKind,
  type ChainVerification,
  type FieldChange,
} from '@cofacture/shared/audit/index.ts';
import { capitalize, LINE_FIELD_LABEL, lineFieldLabel, pathLabel, RICH_TEXT_LABEL } from './fieldLabels.ts';

/**
 * The auditor's history page without React: stops of the replay slider, filters as a query,
 * entries and changes in words, a stable colour per author, the integrity badge's text.
 * API shapes are the shared ones (`@cofacture/shared/audit`).
 */

export const KIND_LABELS: Record<AuditEntryKind, string> = {
  create: 'Created',
  edit: 'Edit',
  lock: 'Lock',
  comment: 'Comment',
  workflow: 'Workflow',
  rejected: 'Refused edit',
  system: 'System',
};
export const ENTRY_KINDS = AUDIT_ENTRY_KINDS;

export interface HistoryFilters {
  user: string;
  kind: AuditEntryKind | '';
  path: string;
  /** `datetime-local` values ("2026-12-03T14:05"), read in the person's time zone; '' for none. */
  from: string;
  to: string;
}

export const NO_FILTERS: HistoryFilters = { user: '', kind: '', path: '', from: '', to: '' };

export function hasFilters(filters: HistoryFilters): boolean {
  return Object.values(filters).some((value) => value !== '');
}

/** The history API's query string for these filters (without paging). */
export function filterQuery(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.user) params.set('user', filters.user);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.path.trim()) params.set('path', filters.path.trim());
  const from = localTimeToIso(filters.from);
  const to = localTimeToIso(filters.to, true);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return params;
}

/** A `datetime-local` value as an ISO instant; `end` takes the whole last minute. */
export function localTimeToIso(value: string, end = false): string | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return null;
  return new Date(end ? ms + 59_999 : ms).toISOString();
}

/** One position of the replay slider: the state right after an entry. */
export interface ReplayStop {
  seq: number;
  entry: AuditEntry;
}

/** Every entry (final then pending) in log order, one stop each, by its last seq. */
export function replayStops(
  entries: readonly AuditEntry[],
  pending: readonly AuditEntry[] = [],
): ReplayStop[] {
  const bySeq = new Map<number, ReplayStop>();
  for (const entry of [...entries, ...pending]) bySeq.set(entry.seqTo, { seq: entry.seqTo, entry });
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The index of the stop showing the state at `seq` (the last stop at or before it). */
export function stopIndexAt(stops: readonly ReplayStop[], seq: number): number {
  let found = 0;
  for (const [index, stop] of stops.entries()) if (stop.seq <= seq) found = index;
  return found;
}

/** Authors in order of first appearance, for the filter and the colour legend. */
export function authorsOf(entries: readonly AuditEntry[]): { userId: string; userName: string }[] {
  const seen = new Map<string, string>();
  for (const entry of entries) if (!seen.has(entry.userId)) seen.set(entry.userId, entry.userName);
  return [...seen].map(([userId, userName]) => ({ userId, userName }));
}

/** A colour that stays the same for a person on every screen and every visit (hash of the id). */
export function userColor(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  const hue = (hash >>> 0) % 360;
  return `hsl(${hue} 65% 40%)`;
}

const quote = (value: string | null) => (value === null || value === '' ? '(empty)' : `“${value}”`);

/** A field change as people say it: "Buyer name: “ACME” → “ACME SAS”", "Line 2 added (Print)". */
export function describeFieldChange(change: FieldChange): string | null {
  switch (change.type) {
    case 'value': {
      const field = change.path.split('.')[2];
      const label =
        change.line && field && field in LINE_FIELD_LABEL
          ? lineFieldLabel(field as LineFieldName, change.line.number)
          : fieldLabel(change.path);
      return `${capitalize(label)}: ${quote(change.before)} → ${quote(change.after)}`;
    }
    case 'richText': {
      const parts = [];
      if (change.inserted > 0) parts.push(`${change.inserted} characters added`);
      if (change.deleted > 0) parts.push(`${change.deleted} removed`);
      return `${RICH_TEXT_LABEL[change.path as RichTextField] ?? change.path}: ${parts.join(', ') || 'reformatted'}`;
    }
    case 'lineInserted':
      return `Line ${change.line.number} added${change.line.description ? ` (${change.line.description})` : ''}`;
    case 'lineRemoved':
      return `Line ${change.line.number} removed${change.line.description ? ` (${change.line.description})` : ''}`;
    case 'lineMoved':
      return `Line ${change.from} moved to position ${change.line.number}`;
    default:
      return null;
  }
}

function fieldLabel(path: string): string {
  if (pathFamily(path) === 'lineField' && lineIdOfPath(path)) return path;
  return pathLabel(path, []);
}

/** An entry in words: the change when it is one people know, else the server's summary. */
export function describeEntry(entry: AuditEntry): string {
  const words = entry.change ? describeFieldChange(entry.change) : null;
  const text = words ?? capitalize(entry.summary);
  return entry.kind === 'rejected' && entry.reason ? `Refused: ${text} (${entry.reason})` : text;
}

export type IntegrityBadge = { tone: 'ok' | 'broken'; text: string };

export function integrityBadge(verification: ChainVerification): IntegrityBadge {
  if (verification.ok && !verification.firstBad)
    return {
      tone: 'ok',
      text: `Chain intact: ${verification.checked} ${verification.checked === 1 ? 'entry' : 'entries'}`,
    };
  const bad = verification.firstBad;
  return {
    tone: 'broken',
    text: bad ? `Broken at seq ${bad.seq}: ${bad.reason}` : 'Chain broken',
  };
}

/** The file name a `content-disposition` header proposes, or `fallback`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ?? fallback;
}

/** Auditors and admins get the history link, the integrity badge and the exports (shared rule). */
export { canAuditChain as canAudit } from '@cofacture/shared';
