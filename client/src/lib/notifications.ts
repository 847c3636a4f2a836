import { isNotificationKind, type Notification } from '@cofacture/shared';

/** The notification centre: newest first, and how many are unread in all. */
export interface NotificationsState {
  readonly notifications: readonly Notification[];
  readonly unread: number;
}

export const NO_NOTIFICATIONS: NotificationsState = { notifications: [], unread: 0 };

/** A notification from the event stream, or null when it is not one (never trusted). */
export function parseNotification(data: string): Notification | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const strings = ['id', 'invoiceId', 'invoiceLabel', 'message', 'actorName', 'at'] as const;
  if (!strings.every((key) => typeof v[key] === 'string')) return null;
  if (!isNotificationKind(v.kind) || typeof v.read !== 'boolean') return null;
  return value as Notification;
}

/** A live notification lands on top; one already listed (a replay after reconnecting) is not counted twice. */
export function addNotification(state: NotificationsState, notification: Notification): NotificationsState {
  if (state.notifications.some((n) => n.id === notification.id)) return state;
  return {
    notifications: [notification, ...state.notifications],
    unread: state.unread + (notification.read ? 0 : 1),
  };
}

export function markRead(state: NotificationsState, id: string): NotificationsState {
  const target = state.notifications.find((n) => n.id === id);
  if (!target || target.read) return state;
  return {
    notifications: state.notifications.map((n) => (n.id === id ? { ...n, read: true } : n)),
    unread: Math.max(0, state.unread - 1),
  };
}

export function markAllRead(state: NotificationsState): NotificationsState {
  return { notifications: state.notifications.map((n) => (n.read ? n : { ...n, read: true })), unread: 0 };
}

/** "Notifications, 2 unread": the bell's accessible name. */
export function bellLabel(unread: number): string {
  return unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
}
