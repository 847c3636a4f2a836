import {
  NOTIFICATION_KINDS,
  type Notification,
  type NotificationListResponse,
  type NotificationPreferences,
} from '@cofacture/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { NotificationService } from '../../services/notifications/NotificationService.ts';
import type { Authenticate } from '../authenticate.ts';
import { parseInput } from '../validate.ts';

const ListQuery = z.object({
  unread: z
    .enum(['0', '1', 'true', 'false'], { error: 'must be 1 or 0' })
    .transform((v) => v === '1' || v === 'true')
    .default(false),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const IdParams = z.object({ id: z.string().min(1).max(64) });
/** A partial update: the kinds not named keep their setting. */
const PreferencesBody = z
  .strictObject(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean().optional()])), {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown kind; the kinds are ${NOTIFICATION_KINDS.join(', ')}`
        : 'must be an object of kind → true/false',
  })
  .transform((value) => value as Partial<NotificationPreferences>);

/** The caller's own notification centre and preferences; nobody reads another's. */
export function notificationRoutes(
  app: FastifyInstance,
  deps: { authenticate: Authenticate; notifications: NotificationService },
) {
  app.get('/api/notifications', async (request): Promise<NotificationListResponse> => {
    const caller = deps.authenticate(request);
    const query = parseInput(ListQuery, request.query, 'notification query');
    return deps.notifications.list(caller.user.id, { unreadOnly: query.unread, limit: query.limit });
  });

  app.post(
    '/api/notifications/:id/read',
    async (request): Promise<{ notification: Notification; unread: number }> => {
      const caller = deps.authenticate(request);
      const { id } = parseInput(IdParams, request.params, 'notification id');
      return deps.notifications.markRead(caller.user.id, id);
    },
  );

  app.post('/api/notifications/read-all', async (request): Promise<{ marked: number; unread: number }> => {
    const caller = deps.authenticate(request);
    return deps.notifications.markAllRead(caller.user.id);
  });

  app.get('/api/me/notification-preferences', async (request): Promise<NotificationPreferences> => {
    const caller = deps.authenticate(request);
    return deps.notifications.preferences(caller.user.id);
  });

  app.put('/api/me/notification-preferences', async (request): Promise<NotificationPreferences> => {
    const caller = deps.authenticate(request);
    const patch = parseInput(PreferencesBody, request.body, 'notification preferences');
    return deps.notifications.setPreferences(caller.user.id, patch);
  });
}
