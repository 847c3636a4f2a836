import type { Notification } from '@cofacture/shared';
import { describe, expect, it } from 'vitest';
import {
  addNotification,
  bellLabel,
  markAllRead,
  markRead,
  type NotificationsState,
  parseNotification,
} from './notifications.ts';

const note = (id: string, read = false): Notification => ({
  id,
  kind: 'submitted',
  invoiceId: 'inv1',
  invoiceLabel: 'ACME',
  message: `Alice submitted ${id}.`,
  actorName: 'Alice Martin',
  at: '2026-01-01T10:00:00Z',
  read,
});

describe('notifications', () => {
  it('parses a notification event and refuses anything else', () => {
    expect(parseNotification(JSON.stringify(note('n1')))).toEqual(note('n1'));
    expect(parseNotification('{"id":"n1"}')).toBeNull();
    expect(parseNotification(JSON.stringify({ ...note('n1'), kind: 'party' }))).toBeNull();
    expect(parseNotification('not json')).toBeNull();
  });

  it('adds live ones on top, once, and counts the unread', () => {
    let state: NotificationsState = { notifications: [note('n1', true)], unread: 0 };
    state = addNotification(state, note('n2'));
    state = addNotification(state, note('n2'));
    expect(state.notifications.map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(state.unread).toBe(1);
    state = markRead(state, 'n2');
    expect(state.unread).toBe(0);
    expect(markRead(state, 'n2')).toBe(state);
    state = addNotification(addNotification(state, note('n3')), note('n4'));
    expect(markAllRead(state)).toMatchObject({ unread: 0 });
    expect(markAllRead(state).notifications.every((n) => n.read)).toBe(true);
  });

  it('gives the bell a name that says how many are unread', () => {
    expect(bellLabel(0)).toBe('Notifications');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
  });
});
