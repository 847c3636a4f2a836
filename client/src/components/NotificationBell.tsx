import type { Notification } from '@cofacture/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useNotifications } from '../hooks/useNotifications.ts';
import { threadLink } from '../lib/commentLinks.ts';
import { formatMoment } from '../lib/format.ts';
import { bellLabel } from '../lib/notifications.ts';
import { navigate } from '../lib/router.ts';
import { Icon } from './Icon.tsx';

/** The bell with the unread count, and the panel it opens (Escape or a click outside closes it). */
export function NotificationBell({ token }: { token: string }) {
  const { centre, markRead, markAllRead } = useNotifications(token);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const unread = centre.status === 'ready' ? centre.unread : 0;

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node && rootRef.current?.contains(event.target))) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const openInvoice = (notification: Notification) => {
    if (!notification.read) markRead(notification.id);
    setOpen(false);
    navigate(threadLink(notification.invoiceId, notification.threadId));
  };

  return (
    <div className="bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="bell-button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name="bell" />
        {unread > 0 && (
          <span className="bell-count" aria-hidden data-unread={unread}>
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="bell-panel" aria-label="Notifications">
          <div className="bell-panel-head">
            <h2>Notifications</h2>
            {unread > 0 && (
              <button type="button" className="button-quiet" onClick={markAllRead}>
                Mark all as read
              </button>
            )}
          </div>
          {centre.status === 'loading' && <p className="muted">Loading…</p>}
          {centre.status === 'unavailable' && (
            <p className="muted">This server does not keep notifications yet.</p>
          )}
          {centre.status === 'error' && (
            <p className="form-error">Notifications could not be loaded: {centre.message}</p>
          )}
          {centre.status === 'ready' && centre.notifications.length === 0 && (
            <p className="muted">Nothing new. You will see here what others ask of you.</p>
          )}
          {centre.status === 'ready' && centre.notifications.length > 0 && (
            <ul className="bell-list">
              {centre.notifications.map((notification) => (
                <li
                  key={notification.id}
                  className={notification.read ? 'bell-item' : 'bell-item bell-item-unread'}
                  data-notification-id={notification.id}
                >
                  <button type="button" className="bell-item-open" onClick={() => openInvoice(notification)}>
                    <span className="bell-item-message">{notification.message}</span>
                    <span className="bell-item-meta">
                      {notification.invoiceLabel} · {formatMoment(notification.at)}
                      {!notification.read && <span className="visually-hidden"> (unread)</span>}
                    </span>
                  </button>
                  {!notification.read && (
                    <button
                      type="button"
                      className="button-quiet bell-item-read"
                      aria-label={`Mark as read: ${notification.message}`}
                      onClick={() => markRead(notification.id)}
                    >
                      Mark read
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
