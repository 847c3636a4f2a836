import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Directory } from '../../services/Directory.ts';
import type { InvoiceEvents } from '../../services/InvoiceEvents.ts';
import type { NotificationService } from '../../services/notifications/NotificationService.ts';
import type { Tokens } from '../../services/tokens.ts';
import { bearerToken, callerFromToken } from '../authenticate.ts';
import { parseInput } from '../validate.ts';

const Query = z.object({ token: z.string().max(4096).optional() });

/**
 * Server-Sent Events for live lists (`event: invoice`) and the caller's notifications
 * (`event: notification`, a `Notification`). EventSource cannot send headers, so the token may come
 * in the query string; it is the same short-lived JWT and the stream re-checks nothing else.
 */
export function eventRoutes(
  app: FastifyInstance,
  deps: { tokens: Tokens; directory: Directory; events: InvoiceEvents; notifications: NotificationService },
) {
  app.get('/api/events', async (request, reply) => {
    const { token } = parseInput(Query, request.query, 'event stream query');
    const caller = callerFromToken(bearerToken(request) ?? token ?? null, deps.tokens, deps.directory);
    const orgIds = new Set(caller.orgs.map((m) => m.orgId));
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    out.write('retry: 2000\n\n');
    const unsubscribe = deps.events.subscribe((summary) => {
      if (orgIds.has(summary.orgId)) out.write(`event: invoice\ndata: ${JSON.stringify(summary)}\n\n`);
    });
    // The caller's own notifications only (the web client keeps one EventSource app-wide).
    const stopNotifications = deps.notifications.subscribe((userId, notification) => {
      if (userId === caller.user.id)
        out.write(`event: notification\ndata: ${JSON.stringify(notification)}\n\n`);
    });
    const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), 25_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      stopNotifications();
    });
  });
}
