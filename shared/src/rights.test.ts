import { describe, expect, it } from 'vitest';
import { type PathFamily, pathFamily } from './invoice/paths.ts';
import {
  COMMENTING_ROLES,
  CONTENT_EDIT_STATES,
  canBreakLocks,
  canEdit,
  canEditContent,
  canLock,
  type Decision,
} from './rights.ts';
import { ROLES, type Role } from './roles.ts';
import { INVOICE_STATUSES, type InvoiceStatus, isFrozen } from './workflow.ts';

/** One path of every family the guard can meet. */
const PATHS: Record<PathFamily, string> = {
  header: 'dueDate',
  party: 'buyer.name',
  lineList: 'lines',
  lineField: 'lines.l1.unitPrice',
  richText: 'notes',
  serverOwned: 'status',
  locks: 'locks.buyer.name',
  comments: 'comments.t1',
  unknown: 'discount',
};
const FAMILIES = Object.keys(PATHS) as PathFamily[];
const CONTENT: readonly PathFamily[] = ['header', 'party', 'lineList', 'lineField', 'richText'];

/** DESIGN §1 and §2, written out by hand: who edits content in which state. */
const EDITS_CONTENT: Record<Role, readonly InvoiceStatus[]> = {
  admin: ['draft', 'in_review', 'changes_requested'],
  preparer: ['draft', 'changes_requested'],
  verifier: ['in_review'],
  approver: [],
  auditor: [],
  viewer: [],
};
const COMMENTS: readonly Role[] = ['admin', 'preparer', 'verifier', 'approver', 'auditor'];

function expected(roles: readonly Role[], family: PathFamily, status: InvoiceStatus): boolean {
  if (CONTENT.includes(family)) return roles.some((role) => EDITS_CONTENT[role].includes(status));
  if (family === 'comments') return roles.some((role) => COMMENTS.includes(role));
  return false;
}

function reasonOf(decision: Decision): string {
  if (decision.ok) throw new Error('expected a refusal');
  return decision.reason;
}

/** A reason is shown to people: one or more sentences, capitalised, ending with a full stop. */
function expectSentence(reason: string): void {
  expect(reason).toMatch(/^["A-Z].*\.$/s);
  expect(reason).not.toMatch(/undefined|null|\[object|_/);
}

const grid = ROLES.flatMap((role) =>
  FAMILIES.flatMap((family) => INVOICE_STATUSES.map((status) => [role, family, status] as const)),
);

describe('canEdit: every role × family × state', () => {
  it('the paths used cover every family', () => {
    for (const family of FAMILIES) expect(pathFamily(PATHS[family])).toBe(family);
  });

  it.each(grid)('%s, %s, %s', (role, family, status) => {
    const decision = canEdit([role], PATHS[family], status);
    expect(decision.ok).toBe(expected([role], family, status));
    if (!decision.ok) expectSentence(decision.reason);
  });

  it('has the table DESIGN §1 describes', () => {
    for (const role of ROLES)
      expect([...CONTENT_EDIT_STATES[role]].sort()).toEqual([...EDITS_CONTENT[role]].sort());
    expect([...COMMENTING_ROLES].sort()).toEqual([...COMMENTS].sort());
  });
});

describe('frozen invoices', () => {
  const frozen = INVOICE_STATUSES.filter(isFrozen);

  it('are the issued and paid ones', () => {
    expect(frozen).toEqual(['issued', 'paid']);
  });

  it.each(frozen.flatMap((status) => CONTENT.map((family) => [status, family] as const)))(
    'refuse %s %s content to everyone, all roles at once, pointing to a credit note',
    (status, family) => {
      const decision = canEdit(ROLES, PATHS[family], status);
      const reason = reasonOf(decision);
      expect(reason).toMatch(/credit note/);
      expect(reason).toContain(status);
      for (const role of ROLES) expect(reasonOf(canEdit([role], PATHS[family], status))).toBe(reason);
    },
  );

  it.each(frozen)('keep comment threads open when %s', (status) => {
    expect(canEdit(['auditor'], 'comments.t1', status)).toEqual({ ok: true });
    expect(canEdit(['approver'], 'comments.t1', status)).toEqual({ ok: true });
  });

  it.each(frozen)('canEditContent refuses even an admin when %s', (status) => {
    expect(reasonOf(canEditContent(['admin'], status))).toMatch(/credit note/);
  });
});

describe('several roles', () => {
  const unions: [roles: Role[], status: InvoiceStatus, content: boolean, comment: boolean][] = [
    [['preparer', 'verifier'], 'draft', true, true],
    [['preparer', 'verifier'], 'in_review', true, true],
    [['preparer', 'verifier'], 'changes_requested', true, true],
    [['preparer', 'verifier'], 'verified', false, true],
    [['viewer', 'verifier'], 'in_review', true, true],
    [['viewer', 'auditor'], 'draft', false, true],
    [['viewer', 'approver'], 'approved', false, true],
    [['approver', 'auditor'], 'in_review', false, true],
    [['viewer'], 'draft', false, false],
    [[], 'draft', false, false],
    [['admin', 'viewer'], 'in_review', true, true],
    [['admin', 'preparer'], 'issued', false, true],
  ];

  it.each(unions)('%j in %s: content %s, comments %s', (roles, status, content, comment) => {
    for (const family of CONTENT) expect(canEdit(roles, PATHS[family], status).ok).toBe(content);
    expect(canEditContent(roles, status).ok).toBe(content);
    expect(canEdit(roles, 'comments.t1', status).ok).toBe(comment);
  });

  it('match the union of what each role may do alone, everywhere', () => {
    const pairs = ROLES.flatMap((a) => ROLES.map((b) => [a, b] as const));
    for (const [a, b] of pairs)
      for (const family of FAMILIES)
        for (const status of INVOICE_STATUSES) {
          const alone = canEdit([a], PATHS[family], status).ok || canEdit([b], PATHS[family], status).ok;
          expect(canEdit([a, b], PATHS[family], status).ok, `${a}+${b} ${family} ${status}`).toBe(alone);
        }
  });
});

describe('reasons', () => {
  it.each([
    [['viewer'], 'buyer.name', 'draft', /Only the preparer can edit while the invoice is draft\./],
    [
      ['preparer'],
      'lines.l1.quantity',
      'in_review',
      /Only the verifier can edit while the invoice is in review\./,
    ],
    [['verifier'], 'notes', 'changes_requested', /Only the preparer/],
    [['admin'], 'dueDate', 'verified', /Nobody edits an invoice that is verified\./],
    [['preparer'], 'lines', 'approved', /Nobody edits an invoice that is approved\./],
    [['viewer'], 'comments.t1', 'draft', /cannot comment/],
    [['admin'], 'status', 'draft', /Only the server sets the status/],
    [['admin'], 'number', 'approved', /Only the server/],
    [['admin'], 'locks.buyer.name', 'draft', /lock requests/],
    [['admin'], 'buyer.iban', 'draft', /"buyer\.iban" is not a field of an invoice\./],
    [['admin'], '?junk', 'draft', /not a field/],
  ] as [Role[], string, InvoiceStatus, RegExp][])(
    '%j editing %s in %s: %s',
    (roles, path, status, reason) => {
      const text = reasonOf(canEdit(roles, path, status));
      expect(text).toMatch(reason);
      expectSentence(text);
    },
  );

  it('name states as people say them, never as contract names', () => {
    for (const status of INVOICE_STATUSES)
      for (const role of ROLES) {
        const decision = canEditContent([role], status);
        if (!decision.ok) expect(decision.reason).not.toMatch(/in_review|changes_requested/);
      }
  });
});

describe('canLock', () => {
  it.each(grid)('%s, %s, %s', (role, family, status) => {
    const decision = canLock([role], PATHS[family], status);
    const lockable = ['header', 'party', 'lineField', 'richText'].includes(family);
    expect(decision.ok).toBe(lockable && expected([role], family, status));
    if (!decision.ok) expectSentence(decision.reason);
  });

  it('locks whole lines and party blocks like fields', () => {
    expect(canLock(['preparer'], 'lines.l1', 'draft')).toEqual({ ok: true });
    expect(canLock(['preparer'], 'seller', 'changes_requested')).toEqual({ ok: true });
    expect(canLock(['verifier'], 'seller', 'draft').ok).toBe(false);
  });

  it('refuses the line list and comment threads though some may edit them', () => {
    expect(reasonOf(canLock(['admin'], 'lines', 'draft'))).toMatch(/cannot be locked/);
    expect(reasonOf(canLock(['auditor'], 'comments.t1', 'draft'))).toMatch(/cannot be locked/);
  });

  it('refuses on frozen invoices, with the credit note reason', () => {
    expect(reasonOf(canLock(['admin'], 'buyer.name', 'paid'))).toMatch(/credit note/);
  });
});

describe('canBreakLocks', () => {
  it.each(ROLES)('%s alone', (role) => {
    expect(canBreakLocks([role])).toBe(role === 'admin');
  });

  it('holds for any set that includes admin', () => {
    expect(canBreakLocks(['viewer', 'admin'])).toBe(true);
    expect(canBreakLocks(['preparer', 'verifier', 'approver', 'auditor', 'viewer'])).toBe(false);
    expect(canBreakLocks([])).toBe(false);
  });
});
