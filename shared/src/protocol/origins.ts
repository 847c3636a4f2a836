/**
 * Transaction origins of edits the server makes itself, so persistence, the guard and the
 * audit log can tell them from a connection's edits (Hocuspocus tags its own with
 * `source: 'connection' | 'redis' | 'local'`).
 */
export type ServerOriginReason = 'create' | 'migrate' | 'seed' | 'workflow' | 'compensate' | 'locks';

export interface ServerOrigin {
  readonly source: 'cofacture-server';
  readonly reason: ServerOriginReason;
  readonly userId: string | null;
}

export function serverOrigin(reason: ServerOriginReason, userId: string | null = null): ServerOrigin {
  return { source: 'cofacture-server', reason, userId };
}

export function isServerOrigin(origin: unknown): origin is ServerOrigin {
  return (
    typeof origin === 'object' &&
    origin !== null &&
    (origin as { source?: unknown }).source === 'cofacture-server'
  );
}
