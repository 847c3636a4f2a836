import type { ChainVerification } from '@cofacture/shared/audit/index.ts';
import type { Loaded } from '../../hooks/useLoader.ts';
import { integrityBadge } from '../../lib/history.ts';

/** The hash chain's state as the server's verify reports it. */
export function IntegrityBadge({ verification }: { verification: Loaded<ChainVerification> }) {
  if (verification.status === 'idle') return null;
  if (verification.status === 'loading')
    return (
      <span className="integrity-badge" role="status">
        Checking the chain…
      </span>
    );
  if (verification.status === 'error')
    return (
      <span className="integrity-badge integrity-unknown" role="status">
        Integrity unknown: {verification.message}
      </span>
    );
  const badge = integrityBadge(verification.value);
  return (
    <span
      className={`integrity-badge integrity-${badge.tone}`}
      role="status"
      aria-label="Integrity"
      title={
        verification.value.head
          ? `Head ${verification.value.head.seq}: ${verification.value.head.hash}`
          : undefined
      }
    >
      {badge.tone === 'ok' ? '✓ ' : '⚠ '}
      {badge.text}
    </span>
  );
}
