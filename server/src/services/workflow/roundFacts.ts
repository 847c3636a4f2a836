import type { EventRow } from './queries.ts';

/**
 * Who holds which part in the current review round, from the invoice's event history: the
 * round starts at the latest `submit`; the verifier is whoever verified after it; approvals
 * count after that verification, each person once.
 */
export function roundFacts(events: readonly EventRow[], createdBy: string) {
  let preparerId: string | null = createdBy;
  let verifierId: string | null = null;
  let approvals: string[] = [];
  for (const event of events) {
    if (event.action === 'submit') {
      preparerId = event.userId;
      verifierId = null;
      approvals = [];
    } else if (event.action === 'verify') {
      verifierId = event.userId;
      approvals = [];
    } else if (event.action === 'approve' && !approvals.includes(event.userId)) {
      approvals.push(event.userId);
    } else if (event.action === 'reject' || event.action === 'request-changes') {
      verifierId = null;
      approvals = [];
    }
  }
  return { preparerId, verifierId, approvals };
}
