import type { InvoiceSummary } from '@cofacture/shared';
import { describe, expect, it } from 'vitest';
import {
  type AvailableAction,
  actionForm,
  actionOutcome,
  localToday,
  splitActions,
} from './workflowActions.ts';

const action = (name: AvailableAction['action'], allowed = false, needsReason = false): AvailableAction => ({
  action: name,
  label: name,
  allowed,
  needsReason,
  ...(allowed ? {} : { reason: `no ${name}` }),
});

const summary = (over: Partial<InvoiceSummary>): InvoiceSummary => ({
  id: 'i',
  orgId: 'o',
  status: 'draft',
  kind: 'invoice',
  number: null,
  buyerName: 'ACME',
  currency: 'EUR',
  netTotal: '0.00',
  grossTotal: '0.00',
  issueDate: '',
  dueDate: '',
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('workflow actions', () => {
  it('splits what leads on from the state (shared transitions) from the rest', () => {
    const all = [
      action('submit'),
      action('verify', true),
      action('request-changes', true, true),
      action('issue'),
    ];
    const { next, later } = splitActions(all, 'in_review');
    expect(next.map((a) => a.action)).toEqual(['verify', 'request-changes']);
    expect(later.map((a) => a.action)).toEqual(['submit', 'issue']);
  });

  it('asks for a reason, the payment, or a confirmation before sending', () => {
    expect(actionForm(action('request-changes', true, true))).toBe('reason');
    expect(actionForm(action('mark-paid', true))).toBe('payment');
    expect(actionForm(action('issue', true))).toBe('confirm');
    expect(actionForm(action('verify', true))).toBe('none');
  });

  it('says what happened', () => {
    expect(actionOutcome('approve', { invoice: summary({ status: 'verified' }), approvalsNeeded: 1 })).toBe(
      'Your approval is recorded; 1 more approval is needed.',
    );
    expect(actionOutcome('issue', { invoice: summary({ status: 'issued', number: '2026-000007' }) })).toBe(
      'Issued as 2026-000007.',
    );
    expect(actionOutcome('submit', { invoice: summary({ status: 'in_review' }) })).toBe(
      'Done: the invoice is now in review.',
    );
  });

  it('dates today in local time', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
