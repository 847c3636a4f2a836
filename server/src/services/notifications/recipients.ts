import { type NotificationKind, type Role, TRANSITIONS, type WorkflowAction } from '@cofacture/shared';
import type { Member } from '../Directory.ts';
import type { roundFacts } from '../workflow/roundFacts.ts';

/** The notification each workflow action gives rise to; a credit note is nobody's news. */
export const KIND_OF: Readonly<Record<WorkflowAction, NotificationKind | null>> = {
  submit: 'submitted',
  verify: 'verified',
  approve: 'approved',
  'request-changes': 'changes_requested',
  reject: 'rejected',
  issue: 'issued',
  'mark-paid': 'paid',
  credit: null,
};

/**
 * Who hears of a workflow notification (docs/architecture.md "Notifications"), among the
 * organisation's current members: people who left hear nothing more of it. The actor is
 * removed later, for every kind alike.
 */
export function recipientsOf(
  kind: NotificationKind,
  round: ReturnType<typeof roundFacts>,
  members: readonly Member[],
): string[] {
  const withRole = (roles: readonly Role[]) =>
    members.filter((m) => m.roles.some((r) => roles.includes(r))).map((m) => m.userId);
  const isMember = new Set(members.map((m) => m.userId));
  const people = (...ids: (string | null)[]) =>
    ids.filter((id): id is string => id !== null && isMember.has(id));
  switch (kind) {
    case 'submitted':
      return withRole(['verifier']);
    case 'verified':
      return withRole(TRANSITIONS.approve.roles).filter(
        (id) => id !== round.preparerId && id !== round.verifierId,
      );
    case 'approved':
      return [...people(round.preparerId), ...withRole(TRANSITIONS.issue.roles)];
    case 'changes_requested':
    case 'rejected':
      return people(round.preparerId);
    case 'issued':
    case 'paid':
      return people(round.preparerId, round.verifierId);
    case 'mentioned':
      return [];
    default: {
      const exhaustive: never = kind;
      return exhaustive;
    }
  }
}
