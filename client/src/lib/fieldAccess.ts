import {
  canBreakLocks,
  canEdit,
  canEditContent,
  canLock,
  type Decision,
  type InvoiceStatus,
  isFrozen,
  pathsOverlap,
  type Role,
} from '@cofacture/shared';
import type { LockEntry } from './locks.ts';

/** What decides whether this person may change a path now: the shared rights table and the locks. */
export interface AccessFacts {
  readonly userId: string;
  /** The person's roles in the invoice's organisation; null while they are still loading. */
  readonly roles: readonly Role[] | null;
  readonly status: InvoiceStatus;
  /** The server opened a read-only connection (a viewer). */
  readonly readOnlyConnection: boolean;
  readonly locks: readonly LockEntry[];
  /** Paths this tab locked by itself while the person is in the field (see autoLock.ts). */
  readonly autoLocks: ReadonlySet<string>;
}

/** The id of the note that says why the invoice is read-only for this person. */
export const RIGHTS_NOTE_ID = 'edit-rights-note';

const READ_ONLY_CONNECTION: Decision = { ok: false, reason: 'You can read this invoice but not change it.' };

/**
 * The shared rights table decides (the same one the server's guard enforces); until the roles
 * are known, a read-only connection or a frozen invoice already settles it.
 */
export function contentDecision(facts: AccessFacts): Decision {
  if (facts.readOnlyConnection) return READ_ONLY_CONNECTION;
  if (facts.roles) return canEditContent(facts.roles, facts.status);
  return isFrozen(facts.status) ? canEditContent([], facts.status) : { ok: true };
}

export function editDecision(facts: AccessFacts, path: string): Decision {
  if (facts.readOnlyConnection) return READ_ONLY_CONNECTION;
  if (facts.roles) return canEdit(facts.roles, path, facts.status);
  return isFrozen(facts.status) ? canEdit([], path, facts.status) : { ok: true };
}

/** Someone else's lock on, around or inside `path`: the guard would refuse our change to it. */
export function blockingLock(facts: AccessFacts, path: string): LockEntry | null {
  return (
    facts.locks.find((lock) => lock.holder.userId !== facts.userId && pathsOverlap(lock.path, path)) ?? null
  );
}

export type FieldAccess =
  | { readonly readOnly: false }
  | { readonly readOnly: true; readonly reason: string; readonly lock: LockEntry | null };

/** Whether the control for `path` takes input, and if not, the reason to show on it. */
export function fieldAccess(facts: AccessFacts, path: string): FieldAccess {
  const decision = editDecision(facts, path);
  if (!decision.ok) return { readOnly: true, reason: decision.reason, lock: null };
  const lock = blockingLock(facts, path);
  if (lock) return { readOnly: true, reason: `Locked by ${lock.holder.name}.`, lock };
  return { readOnly: false };
}

/** The lock shown on `path` itself (its badge), if any. The holder does not see its own auto-locks. */
export function shownLock(facts: AccessFacts, path: string): LockEntry | null {
  const lock = facts.locks.find((entry) => entry.path === path) ?? null;
  if (lock && lock.holder.userId === facts.userId && facts.autoLocks.has(path)) return null;
  return lock;
}

/** What the lock button of `path` offers this person. */
export type LockControl =
  | { readonly kind: 'none' }
  | { readonly kind: 'lock' }
  | { readonly kind: 'unlock'; readonly lock: LockEntry }
  | { readonly kind: 'break'; readonly lock: LockEntry }
  | { readonly kind: 'held'; readonly lock: LockEntry };

const NONE: LockControl = { kind: 'none' };

export function lockControl(facts: AccessFacts, path: string): LockControl {
  const lock = facts.locks.find((entry) => entry.path === path);
  if (lock) {
    if (lock.holder.userId !== facts.userId)
      return facts.roles && canBreakLocks(facts.roles) ? { kind: 'break', lock } : { kind: 'held', lock };
    // An automatic lock turns into a kept one when the person presses "Lock".
    return facts.autoLocks.has(path) ? { kind: 'lock' } : { kind: 'unlock', lock };
  }
  if (facts.readOnlyConnection || !facts.roles || !canLock(facts.roles, path, facts.status).ok) return NONE;
  // Inside a block or a line someone else holds, the field is already theirs. (A lock held on a
  // part of `path` still lets the person ask: the server's answer names who holds it.)
  const covering = facts.locks.some(
    (entry) =>
      entry.holder.userId !== facts.userId &&
      pathsOverlap(entry.path, path) &&
      entry.path.length < path.length,
  );
  return covering ? NONE : { kind: 'lock' };
}

/** May this tab take the lock of `path` on its own, as the person enters the field? */
export function mayAutoLock(facts: AccessFacts, path: string): boolean {
  return (
    lockControl(facts, path).kind === 'lock' &&
    !facts.autoLocks.has(path) &&
    blockingLock(facts, path) === null
  );
}
