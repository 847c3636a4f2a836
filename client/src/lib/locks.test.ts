import { locksMap } from '@cofacture/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { locksStore, readLocks } from './locks.ts';

describe('locks', () => {
  it('reads well-formed holders from the lock map, and follows its changes', () => {
    const doc = new Y.Doc();
    const map = locksMap(doc);
    map.set('buyer.name', { userId: 'u1', name: 'Alice Martin', since: '2026-01-01T00:00:00Z' });
    map.set('notes', { name: 'no user id' });
    expect(readLocks(doc)).toEqual([
      { path: 'buyer.name', holder: { userId: 'u1', name: 'Alice Martin', since: '2026-01-01T00:00:00Z' } },
    ]);

    const store = locksStore(doc);
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    const before = store.get();
    map.delete('buyer.name');
    expect(calls).toBe(1);
    expect(store.get()).toEqual([]);
    expect(store.get()).not.toBe(before);
    stop();
    map.set('dueDate', { userId: 'u2', name: 'Bob', since: 'x' });
    expect(calls).toBe(1);
  });
});
