/** Role names are part of the contract (DESIGN §1): they are stored in SQL and carried in tokens. */
export const ROLES = ['admin', 'preparer', 'verifier', 'approver', 'auditor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * A connection is read-only when none of the user's roles may ever change invoice content.
 * Auditors and viewers never edit; finer rules (per state, per path) belong to the guard.
 */
export function isReadOnlyRoleSet(roles: readonly Role[]): boolean {
  return !roles.some(
    (role) => role === 'admin' || role === 'preparer' || role === 'verifier' || role === 'approver',
  );
}
