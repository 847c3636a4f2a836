import type { PublicUser } from '@cofacture/shared';

/** A signed-in person: the JWT for API and socket, and who they are. */
export interface Session {
  readonly token: string;
  readonly user: PublicUser;
}

// sessionStorage, not localStorage: the token lives as long as the tab, and each tab (and each
// browser context in the end-to-end tests) can be a different person.
const STORAGE_KEY = 'cofacture.session';

export function loadSession(storage: Storage = sessionStorage): Session | null {
  const raw = storage.getItem(STORAGE_KEY);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isSession(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session, storage: Storage = sessionStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = sessionStorage): void {
  storage.removeItem(STORAGE_KEY);
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { token, user } = value as { token?: unknown; user?: unknown };
  if (typeof token !== 'string' || typeof user !== 'object' || user === null) return false;
  const { id, email, name } = user as Record<string, unknown>;
  return typeof id === 'string' && typeof email === 'string' && typeof name === 'string';
}
