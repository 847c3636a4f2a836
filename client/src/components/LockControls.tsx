import { useEditorContext } from '../hooks/useEditorContext.ts';
import { lockControl, shownLock } from '../lib/fieldAccess.ts';
import { formatTime } from '../lib/format.ts';
import { lockBadgeId } from '../lib/locks.ts';
import { Icon } from './Icon.tsx';

/** "Locked by Alice Martin" on what is locked, for everyone (read from the server's lock map). */
export function LockBadge({ path }: { path: string }) {
  const { facts } = useEditorContext();
  const lock = shownLock(facts, path);
  if (!lock) return null;
  return (
    <span
      id={lockBadgeId(path)}
      className="lock-badge"
      data-lock-path={path}
      title={`Since ${formatTime(lock.holder.since)}`}
    >
      <Icon name="locked" />
      Locked by {lock.holder.name}
    </span>
  );
}

interface LockButtonProps {
  readonly path: string;
  /** What is locked, in words: "Buyer name", "line 2", "buyer block". */
  readonly label: string;
  /** Icon only (in the lines table); the accessible name stays complete. */
  readonly compact?: boolean;
}

/** Lock, Unlock (the holder) or Break lock (an admin, on someone else's lock). */
export function LockButton({ path, label, compact = false }: LockButtonProps) {
  const { facts, locks, online } = useEditorContext();
  const control = lockControl(facts, path);
  const offline = online ? undefined : 'Locks need a connection to the server.';
  switch (control.kind) {
    case 'none':
    case 'held':
      return null;
    case 'lock':
      return (
        <button
          type="button"
          className="lock-button"
          aria-label={`Lock ${label}`}
          title={offline ?? `Lock ${label}: nobody else can change it until you unlock it`}
          disabled={!online}
          onClick={() => locks.lock(path)}
        >
          <Icon name="unlocked" />
        </button>
      );
    case 'unlock':
      return (
        <button
          type="button"
          className="lock-button lock-button-held"
          aria-label={`Unlock ${label}`}
          title={offline ?? `Unlock ${label}`}
          disabled={!online}
          onClick={() => locks.release(path)}
        >
          <Icon name="locked" />
          {!compact && <span>Unlock</span>}
        </button>
      );
    case 'break':
      return (
        <button
          type="button"
          className="lock-button lock-button-break"
          aria-label={`Break lock on ${label}`}
          title={offline ?? `Break ${control.lock.holder.name}'s lock on ${label}`}
          disabled={!online}
          onClick={() => locks.release(path)}
        >
          <Icon name="locked" />
          {!compact && <span>Break lock</span>}
        </button>
      );
    default: {
      const exhaustive: never = control;
      return exhaustive;
    }
  }
}
