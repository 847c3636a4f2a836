import { describe, expect, it } from 'vitest';
import {
  type AccessFacts,
  blockingLock,
  contentDecision,
  fieldAccess,
  lockControl,
  mayAutoLock,
  shownLock,
} from './fieldAccess.ts';
import type { LockEntry } from './locks.ts';

const lock = (path: string, userId: string, name = `${userId} name`): LockEntry => ({
  path,
  holder: { userId, name, since: '2026-01-01T10:00:00Z' },
});

function facts(over: Partial<AccessFacts> = {}): AccessFacts {
  return {
    userId: 'me',
    roles: ['preparer'],
    status: 'draft',
    readOnlyConnection: false,
    locks: [],
    autoLocks: new Set(),
    ...over,
  };
}

describe('fieldAccess', () => {
  it('follows the shared rights table, with its reason', () => {
    expect(fieldAccess(facts(), 'buyer.name')).toEqual({ readOnly: false });
    expect(fieldAccess(facts({ roles: ['verifier'] }), 'buyer.name')).toEqual({
      readOnly: true,
      reason: 'Only the preparer can edit while the invoice is draft.',
      lock: null,
    });
    expect(fieldAccess(facts({ status: 'issued' }), 'buyer.name')).toMatchObject({
      readOnly: true,
      reason: expect.stringContaining('frozen'),
    });
  });

  it('settles what it can while the roles load: a frozen invoice or a read-only connection', () => {
    expect(fieldAccess(facts({ roles: null }), 'notes').readOnly).toBe(false);
    expect(fieldAccess(facts({ roles: null, status: 'paid' }), 'notes').readOnly).toBe(true);
    expect(contentDecision(facts({ readOnlyConnection: true }))).toEqual({
      ok: false,
      reason: 'You can read this invoice but not change it.',
    });
  });

  it("is read-only under someone else's lock on the field, its block or its line, never under one's own", () => {
    const byAlice = (path: string) => facts({ locks: [lock(path, 'alice', 'Alice Martin')] });
    expect(fieldAccess(byAlice('buyer.name'), 'buyer.name')).toMatchObject({
      readOnly: true,
      reason: 'Locked by Alice Martin.',
    });
    expect(fieldAccess(byAlice('buyer'), 'buyer.name').readOnly).toBe(true);
    expect(fieldAccess(byAlice('buyer'), 'seller.name').readOnly).toBe(false);
    expect(fieldAccess(byAlice('lines.l1'), 'lines.l1.quantity').readOnly).toBe(true);
    expect(fieldAccess(byAlice('lines.l1.quantity'), 'lines.l1.unitPrice').readOnly).toBe(false);
    // Removing a line touches the whole line, and a lock inside it blocks that.
    expect(blockingLock(byAlice('lines.l1.quantity'), 'lines.l1')?.holder.name).toBe('Alice Martin');
    expect(fieldAccess(facts({ locks: [lock('buyer', 'me')] }), 'buyer.name').readOnly).toBe(false);
  });
});

describe('lockControl', () => {
  it('offers Lock to who may edit, Unlock to the holder, Break lock to an admin', () => {
    expect(lockControl(facts(), 'buyer.name')).toEqual({ kind: 'lock' });
    expect(lockControl(facts({ locks: [lock('buyer.name', 'me')] }), 'buyer.name').kind).toBe('unlock');
    const alices = [lock('buyer.name', 'alice')];
    expect(lockControl(facts({ locks: alices }), 'buyer.name').kind).toBe('held');
    expect(lockControl(facts({ locks: alices, roles: ['admin'] }), 'buyer.name').kind).toBe('break');
  });

  it('offers nothing where the person may not edit, nor inside what someone else holds', () => {
    expect(lockControl(facts({ roles: ['approver'] }), 'buyer.name').kind).toBe('none');
    expect(lockControl(facts({ status: 'issued' }), 'buyer').kind).toBe('none');
    expect(lockControl(facts({ roles: null }), 'buyer').kind).toBe('none');
    expect(lockControl(facts(), 'lines').kind).toBe('none');
    expect(lockControl(facts({ locks: [lock('buyer', 'alice')] }), 'buyer.name').kind).toBe('none');
    // A lock on a part still lets the person ask for the whole: the server says who holds it.
    expect(lockControl(facts({ locks: [lock('buyer.name', 'alice')] }), 'buyer').kind).toBe('lock');
  });

  it("treats the holder's automatic lock as not yet taken: no badge for them, and Lock keeps it", () => {
    const auto = facts({
      locks: [lock('lines.l1.quantity', 'me')],
      autoLocks: new Set(['lines.l1.quantity']),
    });
    expect(lockControl(auto, 'lines.l1.quantity').kind).toBe('lock');
    expect(shownLock(auto, 'lines.l1.quantity')).toBeNull();
    expect(shownLock({ ...auto, userId: 'other' }, 'lines.l1.quantity')?.holder.userId).toBe('me');
  });
});

describe('mayAutoLock', () => {
  it('locks a free field the person may edit, once', () => {
    expect(mayAutoLock(facts(), 'lines.l1.quantity')).toBe(true);
    expect(mayAutoLock(facts({ autoLocks: new Set(['lines.l1.quantity']) }), 'lines.l1.quantity')).toBe(
      false,
    );
    expect(mayAutoLock(facts({ locks: [lock('lines.l1.quantity', 'me')] }), 'lines.l1.quantity')).toBe(false);
    expect(mayAutoLock(facts({ locks: [lock('lines.l1', 'alice')] }), 'lines.l1.quantity')).toBe(false);
    expect(mayAutoLock(facts({ roles: ['viewer'] }), 'lines.l1.quantity')).toBe(false);
  });
});
