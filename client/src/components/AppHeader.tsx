import type { Route } from '../lib/router.ts';
import { QUEUE_PATH } from '../lib/router.ts';
import type { Session } from '../lib/session.ts';
import { Link } from './Link.tsx';
import { NotificationBell } from './NotificationBell.tsx';

export function AppHeader({
  session,
  route,
  onSignOut,
}: {
  session: Session;
  route: Route;
  onSignOut: () => void;
}) {
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        Cofacture
      </Link>
      <nav className="app-nav" aria-label="Main">
        <Link to="/" current={route.name === 'list'}>
          Invoices
        </Link>
        <Link to={QUEUE_PATH} current={route.name === 'queue'}>
          My queue
        </Link>
      </nav>
      <span className="toolbar-spacer" />
      <NotificationBell token={session.token} />
      <span className="app-header-user">{session.user.name}</span>
      <button type="button" className="button-quiet" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
