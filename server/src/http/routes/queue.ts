import type { QueueItem } from '@cofacture/shared';
import type { FastifyInstance } from 'fastify';
import type { QueueService } from '../../services/queue/QueueService.ts';
import type { Authenticate } from '../authenticate.ts';

/** "My queue": what waits for the caller's next step, oldest first. */
export function queueRoutes(app: FastifyInstance, deps: { authenticate: Authenticate; queue: QueueService }) {
  app.get('/api/queue', async (request): Promise<{ items: QueueItem[] }> => {
    const caller = deps.authenticate(request);
    return { items: deps.queue.forUser(caller.user.id, caller.orgs) };
  });
}
