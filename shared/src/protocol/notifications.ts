/**
 * In-app notifications (contract): what the notification centre lists, what `/api/events`
 * sends as `event: notification`, and what rides along in the WebSocket `notify` message.
 */
export const NOTIFICATION_KINDS = [
  'submitted',
  'verified',
  'approved',
  'changes_requested',
  'rejected',
  'issued',
  'paid',
  'mentioned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** What each preference switch is called in the settings screen. */
export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  submitted: 'An invoice is submitted for my review',
  verified: 'An invoice is verified and awaits approval',
  approved: 'An invoice I work on is finally approved',
  changes_requested: 'Changes are requested on my invoice',
  rejected: 'My invoice is rejected',
  issued: 'An invoice I worked on is issued',
  paid: 'An invoice I worked on is paid',
  mentioned: 'Someone mentions me in a comment',
};

export interface Notification {
  readonly id: string;
  readonly kind: NotificationKind;
  readonly invoiceId: string;
  /** The invoice's number once issued, else its buyer's name. */
  readonly invoiceLabel: string;
  /** One sentence a person can read as is. */
  readonly message: string;
  readonly actorName: string;
  /** ISO 8601. */
  readonly at: string;
  readonly read: boolean;
  /** The comment thread, for `mentioned`. */
  readonly threadId?: string;
}

/** Which kinds a user receives; a kind switched off is neither stored nor sent. */
export type NotificationPreferences = Record<NotificationKind, boolean>;

export const DEFAULT_NOTIFICATION_PREFERENCES: Readonly<NotificationPreferences> = Object.freeze(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, true])) as NotificationPreferences,
);

/** `GET /api/notifications`. */
export interface NotificationListResponse {
  notifications: Notification[];
  /** Unread notifications in all, not only those listed. */
  unread: number;
}
