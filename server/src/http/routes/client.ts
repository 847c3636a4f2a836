import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web client, with index.html for client-side routes (not /api, not /collab). */
export async function clientRoutes(app: FastifyInstance, dist: string): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain')
        .send(
          'The web client is not built. Run `pnpm start` (it builds it) or `pnpm --filter @cofacture/client build`.',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: 'index.html' });
  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path.startsWith('/collab')) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route for ${request.method} ${path}.` } });
    }
    return reply.sendFile('index.html');
  });
}
