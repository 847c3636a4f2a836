import { type RefObject, useEffect } from 'react';
import { type LockRequests, registerAutoLock } from '../lib/lockRequests.ts';

/** Takes the lock of a plain value field while the person is in it (see registerAutoLock). */
export function useAutoLock(ref: RefObject<HTMLElement | null>, requests: LockRequests): void {
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    return registerAutoLock(container, requests);
  }, [ref, requests]);
}
