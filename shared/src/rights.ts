import { isLockablePath, type PathFamily, pathFamily } from './invoice/paths.ts';
import type { Role } from './roles.ts';
import { type InvoiceStatus, isFrozen } from './workflow.ts';

/**
 * Who may change what, in which workflow state (DESIGN §1, §6). One table, used by the client
 * to disable inputs and explain why, and by the server's guard to enforce.
 */
export type Decision = { ok: true } | { ok: false; reason: string };

const ALLOW: Decision = { ok: true };
const deny = (reason: string): Decision => ({ ok: false, reason });

/** Workflow states in which each role may change invoice content. */
export const CONTENT_EDIT_STATES: Readonly<Record<Role, readonly InvoiceStatus[]>> = {
  admin: ['draft', 'changes_requested', 'in_review'],
  preparer: ['draft', 'changes_requested'],
  verifier: ['in_review'],
  approver: [],
  auditor: [],
  viewer: [],
};

/** Roles that may write comment threads (stays open on issued invoices: comments change no content). */
export const COMMENTING_ROLES: readonly Role[] = ['admin', 'preparer', 'verifier', 'approver', 'auditor'];

const STATE_LABEL: Record<InvoiceStatus, string> = {
  draft: 'draft',
  in_review: 'in review',
  changes_requested: 'changes requested',
  verified: 'verified',
  approved: 'approved',
  issued: 'issued',
  paid: 'paid',
};

export function canEditContent(roles: readonly Role[], status: InvoiceStatus): Decision {
  if (isFrozen(status))
    return deny(`This invoice is ${STATE_LABEL[status]} and frozen; correct it with a credit note.`);
  if (roles.some((role) => CONTENT_EDIT_STATES[role].includes(status))) return ALLOW;
  const editors = (Object.keys(CONTENT_EDIT_STATES) as Role[]).filter(
    (role) => role !== 'admin' && CONTENT_EDIT_STATES[role].includes(status),
  );
  if (editors.length === 0) return deny(`Nobody edits an invoice that is ${STATE_LABEL[status]}.`);
  return deny(`Only the ${editors.join(' or ')} can edit while the invoice is ${STATE_LABEL[status]}.`);
}

/** May these roles change `path` while the invoice is in `status`? */
export function canEdit(roles: readonly Role[], path: string, status: InvoiceStatus): Decision {
  const family: PathFamily = pathFamily(path);
  switch (family) {
    case 'header':
    case 'party':
    case 'lineList':
    case 'lineField':
    case 'richText':
      return canEditContent(roles, status);
    case 'comments':
      return roles.some((role) => COMMENTING_ROLES.includes(role)) ? ALLOW : deny('Viewers cannot comment.');
    case 'serverOwned':
      return deny('Only the server sets the status, number and kind of an invoice.');
    case 'locks':
      return deny('Locks are taken and released through lock requests, not by editing.');
    case 'unknown':
      return deny(`"${path}" is not a field of an invoice.`);
    default: {
      const exhaustive: never = family;
      return exhaustive;
    }
  }
}

/**
 * Anyone who may edit a lockable path may lock it; admins may also break anyone's lock. The
 * line list, comments and server-owned keys are editable by some but never lockable.
 */
export function canLock(roles: readonly Role[], path: string, status: InvoiceStatus): Decision {
  if (!isLockablePath(path)) return deny(`"${path}" cannot be locked: lock a field, a block or a line.`);
  return canEdit(roles, path, status);
}

export function canBreakLocks(roles: readonly Role[]): boolean {
  return roles.includes('admin');
}

/** Verifying hash chains and exporting the raw log is for auditors and admins. */
export function canAuditChain(roles: readonly Role[] | null | undefined): boolean {
  return roles?.some((role) => role === 'admin' || role === 'auditor') ?? false;
}

/** Admins may remove anyone's comment (leaving a tombstone) or a whole thread. */
export function canModerateComments(roles: readonly Role[] | null | undefined): boolean {
  return roles?.includes('admin') ?? false;
}
