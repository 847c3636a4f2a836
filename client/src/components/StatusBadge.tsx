import type { InvoiceStatus } from '@cofacture/shared';
import { STATUS_LABELS } from '../lib/format.ts';

export function StatusBadge({ status }: { status: InvoiceStatus }) {
  return <span className={`status-badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}
