import type { ClientMessage } from '@cofacture/shared';
import { describe, expect, it } from 'vitest';
import { createLockRequests } from './lockRequests.ts';

function setup({ online = true, may = true } = {}) {
  const sent: ClientMessage[] = [];
  const state = { online, may };
  const requests = createLockRequests({
    send: (message) => {
      if (!state.online) return false;
      sent.push(message);
      return true;
    },
    mayAutoLock: () => state.may,
  });
  return { sent, state, requests };
}

describe('createLockRequests', () => {
  it('takes a lock on entering and gives it back on leaving', () => {
    const { sent, requests } = setup();
    requests.enter('lines.l1.quantity');
    expect([...requests.autoLocks.get()]).toEqual(['lines.l1.quantity']);
    requests.enter('lines.l1.quantity');
    requests.leave('lines.l1.quantity');
    expect(sent).toEqual([
      { type: 'lock.acquire', path: 'lines.l1.quantity' },
      { type: 'lock.release', path: 'lines.l1.quantity' },
    ]);
    expect(requests.autoLocks.get().size).toBe(0);
  });

  it('does not lock what it may not, and never releases a lock it did not take on entering', () => {
    const { sent, requests, state } = setup({ may: false });
    requests.enter('lines.l1.quantity');
    requests.leave('lines.l1.quantity');
    expect(sent).toEqual([]);
    state.may = true;
    requests.lock('lines.l1.quantity');
    requests.leave('lines.l1.quantity');
    expect(sent).toEqual([{ type: 'lock.acquire', path: 'lines.l1.quantity' }]);
  });

  it('keeps an automatic lock when the person presses Lock, until Unlock', () => {
    const { sent, requests } = setup();
    requests.enter('lines.l1.vatRate');
    requests.lock('lines.l1.vatRate');
    requests.leave('lines.l1.vatRate');
    expect(requests.autoLocks.get().size).toBe(0);
    requests.release('lines.l1.vatRate');
    expect(sent.map((m) => m.type)).toEqual(['lock.acquire', 'lock.acquire', 'lock.release']);
  });

  it('offline, takes nothing (the server dropped the connection and its locks)', () => {
    const { sent, requests, state } = setup({ online: false });
    requests.enter('lines.l1.quantity');
    expect(requests.autoLocks.get().size).toBe(0);
    state.online = true;
    requests.enter('lines.l1.quantity');
    state.online = false;
    requests.leave('lines.l1.quantity');
    expect(requests.autoLocks.get().size).toBe(0);
    expect(sent).toEqual([{ type: 'lock.acquire', path: 'lines.l1.quantity' }]);
  });
});
