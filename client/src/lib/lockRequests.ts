import type { ClientMessage } from '@cofacture/shared';
import { createStore, type Store } from './store.ts';

/**
 * Lock requests of one open invoice. The server owns the lock map and answers through it (or
 * with `lock.denied`); this only remembers which locks the tab took by itself, as the person
 * entered a plain value field (quantity, unit price, VAT rate: last writer wins, so two people
 * typing there would overwrite each other), so that leaving the field gives exactly those back.
 * Text fields are never locked automatically: concurrent typing in them merges.
 */
export interface LockRequests {
  /** The person entered a field that locks itself: take its lock if nobody holds it. */
  enter(path: string): void;
  /** The person left it: release the lock if it was taken on entering. */
  leave(path: string): void;
  /** "Lock": an explicit lock, kept until "Unlock" (an automatic one becomes explicit). */
  lock(path: string): void;
  /** "Unlock" by the holder, or "Break lock" by an admin. */
  release(path: string): void;
  /** The paths locked automatically and not yet given back. */
  readonly autoLocks: Pick<Store<ReadonlySet<string>>, 'get' | 'subscribe'>;
}

export interface LockRequestOptions {
  /** Sends one message to the server; returns false when it cannot (offline). */
  send(message: ClientMessage): boolean;
  /** Whether entering `path` should lock it now (rights, locks, connection). */
  mayAutoLock(path: string): boolean;
}

export function createLockRequests({ send, mayAutoLock }: LockRequestOptions): LockRequests {
  const autoLocks = createStore<ReadonlySet<string>>(new Set());
  const update = (change: (set: Set<string>) => void) => {
    const next = new Set(autoLocks.get());
    change(next);
    autoLocks.set(next);
  };
  return {
    autoLocks,
    enter(path) {
      if (autoLocks.get().has(path) || !mayAutoLock(path)) return;
      if (send({ type: 'lock.acquire', path })) update((set) => set.add(path));
    },
    leave(path) {
      if (!autoLocks.get().has(path)) return;
      update((set) => set.delete(path));
      // Offline, the server already dropped the lock with the connection.
      send({ type: 'lock.release', path });
    },
    lock(path) {
      if (autoLocks.get().has(path)) update((set) => set.delete(path));
      send({ type: 'lock.acquire', path });
    },
    release(path) {
      if (autoLocks.get().has(path)) update((set) => set.delete(path));
      send({ type: 'lock.release', path });
    },
  };
}

/**
 * Follows focus in the editor: entering an element marked `data-auto-lock` (inside a
 * `data-field="<path>"` frame) and leaving it tell `requests`.
 */
export function registerAutoLock(container: HTMLElement, requests: Pick<LockRequests, 'enter' | 'leave'>) {
  const pathOf = (target: EventTarget | null): string | null => {
    if (!(target instanceof Element) || !target.hasAttribute('data-auto-lock')) return null;
    return target.closest<HTMLElement>('[data-field]')?.dataset.field ?? null;
  };
  const onFocusIn = (event: FocusEvent) => {
    const path = pathOf(event.target);
    if (path) requests.enter(path);
  };
  const onFocusOut = (event: FocusEvent) => {
    const path = pathOf(event.target);
    if (path) requests.leave(path);
  };
  container.addEventListener('focusin', onFocusIn);
  container.addEventListener('focusout', onFocusOut);
  return () => {
    container.removeEventListener('focusin', onFocusIn);
    container.removeEventListener('focusout', onFocusOut);
  };
}
