import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../lib/api.ts';
import { eventStreams } from '../lib/eventStream.ts';
import {
  addNotification,
  markAllRead,
  markRead,
  NO_NOTIFICATIONS,
  type NotificationsState,
  parseNotification,
} from '../lib/notifications.ts';

export type NotificationCentre =
  | { readonly status: 'loading' | 'unavailable' }
  | { readonly status: 'error'; readonly message: string }
  | ({ readonly status: 'ready' } & NotificationsState);

export interface NotificationControls {
  readonly centre: NotificationCentre;
  markRead(id: string): void;
  markAllRead(): void;
}

/**
 * The person's notifications: the list from the server, kept current by `event: notification`
 * on the tab's event stream, and read again whenever the stream comes back after a drop.
 */
export function useNotifications(token: string): NotificationControls {
  const [centre, setCentre] = useState<NotificationCentre>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let loaded = false;
    let pending: NotificationsState = NO_NOTIFICATIONS;
    const load = () =>
      api.notifications(token).then(
        (list) => {
          if (cancelled) return;
          loaded = true;
          const merged = pending.notifications.reduceRight(addNotification, list);
          pending = NO_NOTIFICATIONS;
          setCentre({ status: 'ready', ...merged });
        },
        (error: unknown) => {
          if (cancelled) return;
          // An older server has no notification centre: the bell says so instead of failing.
          if (error instanceof ApiError && error.status === 404) setCentre({ status: 'unavailable' });
          else
            setCentre({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        },
      );
    let opened = 0;
    const unsubscribe = eventStreams.subscribe(
      token,
      'notification',
      (data) => {
        const notification = parseNotification(data);
        if (!notification) return;
        if (!loaded) pending = addNotification(pending, notification);
        else
          setCentre((current) =>
            current.status === 'ready'
              ? { status: 'ready', ...addNotification(current, notification) }
              : current,
          );
      },
      (state) => {
        // Events sent while the stream was down are lost: re-read the list when it reopens.
        if (state === 'open' && opened++ > 0) void load();
      },
    );
    void load();
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [token]);

  const onRead = useCallback(
    (id: string) => {
      setCentre((current) =>
        current.status === 'ready' ? { status: 'ready', ...markRead(current, id) } : current,
      );
      api.markNotificationRead(token, id).then(
        ({ unread }) =>
          setCentre((current) => (current.status === 'ready' ? { ...current, unread } : current)),
        () => {},
      );
    },
    [token],
  );
  const onReadAll = useCallback(() => {
    setCentre((current) =>
      current.status === 'ready' ? { status: 'ready', ...markAllRead(current) } : current,
    );
    api.markAllNotificationsRead(token).then(
      ({ unread }) => setCentre((current) => (current.status === 'ready' ? { ...current, unread } : current)),
      () => {},
    );
  }, [token]);

  return { centre, markRead: onRead, markAllRead: onReadAll };
}
