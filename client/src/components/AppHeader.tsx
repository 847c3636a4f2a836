import type { PublicUser } from '@cofacture/shared';
import { Link } from './Link.tsx';

export function AppHeader({ user, onSignOut }: { user: PublicUser; onSignOut: () => void }) {
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        Cofacture
      </Link>
      <span className="app-header-user">{user.name}</span>
      <button type="button" className="button-quiet" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
