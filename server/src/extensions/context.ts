import type { PublicUser, Role } from '@cofacture/shared';
import * as Y from 'yjs';

/** What the Auth extension attaches to every connection; other extensions read it. */
export interface ConnectionContext {
  user: PublicUser;
  orgId: string;
  invoiceId: string;
  roles: Role[];
}

/** Recorded as the author of the guard's compensating transactions. */
export const GUARD_USER = 'guard';

/**
 * The authenticated user behind a Yjs transaction origin: a connection's user, the user a
 * server edit is made for, or the guard for its compensations (an UndoManager's undo).
 */
export function userIdOfOrigin(origin: unknown): string | null {
  if (origin instanceof Y.UndoManager) return GUARD_USER;
  if (typeof origin !== 'object' || origin === null) return null;
  const context = (origin as { context?: Partial<ConnectionContext> }).context;
  const fromConnection = context?.user?.id;
  if (typeof fromConnection === 'string') return fromConnection;
  const fromServer = (origin as { source?: unknown; userId?: unknown }).userId;
  return typeof fromServer === 'string' ? fromServer : null;
}

/** Hocuspocus sends `reason` to the client in its permission-denied message. */
export class ConnectionRefused extends Error {
  override name = 'ConnectionRefused';
  constructor(readonly reason: string) {
    super(reason);
  }
}
