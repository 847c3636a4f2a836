import type { PublicUser, Role } from '@cofacture/shared';

/** What the Auth extension attaches to every connection; other extensions read it. */
export interface ConnectionContext {
  user: PublicUser;
  orgId: string;
  invoiceId: string;
  roles: Role[];
}

/** The authenticated user behind a Yjs transaction origin, if the origin is a connection. */
export function userIdOfOrigin(origin: unknown): string | null {
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
