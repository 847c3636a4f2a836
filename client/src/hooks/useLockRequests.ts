import { useMemo } from 'react';
import { type AccessFacts, mayAutoLock } from '../lib/fieldAccess.ts';
import type { InvoiceConnection } from '../lib/invoiceConnection.ts';
import { createLockRequests, type LockRequests } from '../lib/lockRequests.ts';

/**
 * Lock requests over the invoice's connection. `facts` is read when a request is decided (the
 * latest rights and locks), never captured. Nothing is sent while the connection is down: the
 * server drops a socket's locks with it, and a queued request would arrive out of date.
 */
export function useLockRequests(
  connection: InvoiceConnection,
  facts: () => AccessFacts | null,
): LockRequests {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `facts` is a getter over a ref, stable in meaning.
  return useMemo(
    () =>
      createLockRequests({
        send(message) {
          if (connection.status.get().state !== 'connected') return false;
          connection.provider.sendStateless(JSON.stringify(message));
          return true;
        },
        mayAutoLock: (path) => {
          const current = facts();
          return current !== null && mayAutoLock(current, path);
        },
      }),
    [connection],
  );
}
