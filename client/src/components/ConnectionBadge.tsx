import type { ConnectionStatus } from '../lib/invoiceConnection.ts';

const TEXT: Record<ConnectionStatus['state'], string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  denied: 'Access denied',
};

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const pending = status.unsynced > 0;
  const detail =
    status.state === 'offline'
      ? 'Your changes are kept here and sent when the connection is back.'
      : status.state === 'connected'
        ? pending
          ? 'Saving…'
          : 'All changes saved'
        : null;
  return (
    <div
      className={`connection connection-${status.state}`}
      role="status"
      data-state={status.state}
      data-unsynced={status.unsynced}
    >
      <span className="connection-dot" aria-hidden />
      <span className="connection-text">{TEXT[status.state]}</span>
      {detail && <span className="connection-detail">{detail}</span>}
    </div>
  );
}
