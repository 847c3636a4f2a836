/** Role names are part of the contract (DESIGN §1): they are stored in SQL and carried in tokens. */
export const ROLES = ['admin', 'preparer', 'verifier', 'approver', 'auditor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * A connection is read-only when its user may change nothing in the document: a viewer.
 * Auditors keep a writable connection because they may comment; the guard refuses everything
 * else they try (DESIGN §6).
 */
export function isReadOnlyRoleSet(roles: readonly Role[]): boolean {
  return roles.every((role) => role === 'viewer');
}
