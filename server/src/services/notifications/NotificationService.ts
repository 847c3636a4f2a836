import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type InvoiceSummary,
  isNotificationKind,
  type Notification,
  type NotificationKind,
  type NotificationListResponse,
  type NotificationPreferences,
} from '@cofacture/shared';
import type { Db } from '../../db/openDatabase.ts';
import type { Directory } from '../Directory.ts';
import { AppError } from '../errors.ts';
import type { InvoiceIndex } from '../InvoiceIndex.ts';
import type { EventRow } from '../workflow/queries.ts';
import { roundFacts } from '../workflow/roundFacts.ts';
import type { PerformedAction } from '../workflow/WorkflowService.ts';
import { type NotificationRow, SQL } from './queries.ts';
import { KIND_OF, recipientsOf } from './recipients.ts';
import { invoiceLabel, sentence } from './sentences.ts';

export interface MentionInput {
  invoiceId: string;
  toUserId: string;
  by: { id: string; name: string };
  threadId: string;
  excerpt: string;
}

interface Draft {
  kind: NotificationKind;
  invoice: InvoiceSummary;
  actor: { id: string; name: string };
  recipients: Iterable<string>;
  text?: string;
  threadId?: string;
}

export type NotificationListener = (userId: string, notification: Notification) => void;

/**
 * The in-app notification centre: decides who hears of a workflow action, stores one row per
 * recipient whose preferences allow the kind, and announces each to live listeners (the SSE
 * stream and the recipient's open WebSocket connections). The actor never notifies themself.
 */
export class NotificationService {
  private readonly emitter = new EventEmitter();
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly directory: Directory,
    private readonly index: InvoiceIndex,
  ) {
    this.emitter.setMaxListeners(0);
    this.stmt = {
      insert: db.prepare(SQL.insert),
      list: db.prepare<{ userId: string; unreadOnly: number; limit: number }, NotificationRow>(SQL.list),
      unreadCount: db.prepare<{ userId: string }, { n: number }>(SQL.unreadCount),
      get: db.prepare<{ id: string; userId: string }, NotificationRow>(SQL.get),
      markRead: db.prepare(SQL.markRead),
      markAllRead: db.prepare(SQL.markAllRead),
      prefs: db.prepare<[string], { prefs: string }>(SQL.prefs),
      upsertPrefs: db.prepare(SQL.upsertPrefs),
      events: db.prepare<[string], EventRow>(SQL.events),
      createdBy: db.prepare<[string], { createdBy: string }>(SQL.createdBy),
    };
  }

  /** Every stored notification, as it is stored; listeners pick their user's. */
  subscribe(listener: NotificationListener): () => void {
    this.emitter.on('notification', listener);
    return () => this.emitter.off('notification', listener);
  }

  /**
   * Called synchronously by the workflow after each action, so it must never throw into the
   * request that performed it: a failure here costs notifications, not the action.
   */
  readonly onPerformed = (event: PerformedAction): void => {
    try {
      const draft = this.draftFor(event);
      if (draft) this.publish(draft);
    } catch (error) {
      console.error('Notifications for a workflow action failed:', error);
    }
  };

  /** For the comments feature: `by` mentioned `toUserId` in thread `threadId`. */
  notifyMention(input: MentionInput): Notification | null {
    const invoice = this.index.get(input.invoiceId);
    if (!invoice) throw new AppError('not_found', `No invoice ${input.invoiceId}.`);
    // A mention of someone outside the invoice's organisation tells them nothing.
    if (!this.directory.rolesIn(invoice.orgId, input.toUserId)) return null;
    const [created] = this.publish({
      kind: 'mentioned',
      invoice,
      actor: input.by,
      recipients: [input.toUserId],
      text: input.excerpt,
      threadId: input.threadId,
    });
    return created ?? null;
  }

  list(userId: string, options: { unreadOnly: boolean; limit: number }): NotificationListResponse {
    const rows = this.stmt.list.all({ userId, unreadOnly: options.unreadOnly ? 1 : 0, limit: options.limit });
    return { notifications: rows.map(toNotification), unread: this.unreadCount(userId) };
  }

  unreadCount(userId: string): number {
    return this.stmt.unreadCount.get({ userId })?.n ?? 0;
  }

  markRead(userId: string, id: string): { notification: Notification; unread: number } {
    const found = this.stmt.get.get({ id, userId });
    if (!found) throw new AppError('not_found', 'No such notification of yours.');
    this.stmt.markRead.run({ id, userId, at: new Date().toISOString() });
    const row = this.stmt.get.get({ id, userId }) as NotificationRow;
    return { notification: toNotification(row), unread: this.unreadCount(userId) };
  }

  markAllRead(userId: string): { marked: number; unread: number } {
    const { changes } = this.stmt.markAllRead.run({ userId, at: new Date().toISOString() });
    return { marked: changes, unread: this.unreadCount(userId) };
  }

  preferences(userId: string): NotificationPreferences {
    const row = this.stmt.prefs.get(userId);
    const stored: unknown = row ? JSON.parse(row.prefs) : {};
    // Kinds added after the user last saved start switched on.
    const prefs = { ...DEFAULT_NOTIFICATION_PREFERENCES };
    if (typeof stored === 'object' && stored !== null) {
      for (const [kind, on] of Object.entries(stored)) {
        if (isNotificationKind(kind) && typeof on === 'boolean') prefs[kind] = on;
      }
    }
    return prefs;
  }

  setPreferences(userId: string, patch: Partial<NotificationPreferences>): NotificationPreferences {
    const prefs = { ...this.preferences(userId), ...patch };
    this.stmt.upsertPrefs.run(userId, JSON.stringify(prefs));
    return prefs;
  }

  private draftFor(event: PerformedAction): Draft | null {
    const { invoice, action, reason } = event;
    const kind = KIND_OF[action];
    // Only the approval that completes the level is news; intermediate ones are not.
    if (!kind || (action === 'approve' && invoice.status !== 'approved')) return null;
    const members = this.directory.members(invoice.orgId);
    const round = roundFacts(this.stmt.events.all(invoice.id), this.createdBy(invoice.id));
    return {
      kind,
      invoice,
      actor: { id: event.actor.userId, name: event.actor.name },
      recipients: recipientsOf(kind, round, members),
      text: reason,
    };
  }

  /** Stores one row per willing recipient (one transaction), then announces each. */
  private publish(draft: Draft): Notification[] {
    const at = new Date().toISOString();
    const message = sentence(draft.kind, draft.actor.name, draft.invoice, draft.text);
    const label = invoiceLabel(draft.invoice);
    const created: [string, Notification][] = [];
    this.db.transaction(() => {
      for (const userId of new Set(draft.recipients)) {
        if (userId === draft.actor.id || !this.preferences(userId)[draft.kind]) continue;
        const notification: Notification = {
          id: randomUUID(),
          kind: draft.kind,
          invoiceId: draft.invoice.id,
          invoiceLabel: label,
          message,
          actorName: draft.actor.name,
          at,
          read: false,
          ...(draft.threadId ? { threadId: draft.threadId } : {}),
        };
        this.stmt.insert.run({
          id: notification.id,
          userId,
          orgId: draft.invoice.orgId,
          kind: draft.kind,
          invoiceId: draft.invoice.id,
          invoiceLabel: label,
          message,
          actorId: draft.actor.id,
          actorName: draft.actor.name,
          threadId: draft.threadId ?? null,
          at,
        });
        created.push([userId, notification]);
      }
    })();
    for (const [userId, notification] of created) {
      try {
        this.emitter.emit('notification', userId, notification);
      } catch (error) {
        console.error('A live notification listener failed:', error);
      }
    }
    return created.map(([, notification]) => notification);
  }

  private createdBy(invoiceId: string): string {
    return this.stmt.createdBy.get(invoiceId)?.createdBy ?? '';
  }
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    invoiceId: row.invoiceId,
    invoiceLabel: row.invoiceLabel,
    message: row.message,
    actorName: row.actorName,
    at: row.at,
    read: row.readAt !== null,
    ...(row.threadId ? { threadId: row.threadId } : {}),
  };
}
