import type { Hocuspocus } from '@hocuspocus/server';
import Fastify from 'fastify';
import { createCollab } from './collab.ts';
import type { Config } from './config.ts';
import { makeAuthenticate } from './http/authenticate.ts';
import { registerErrorHandling } from './http/errors.ts';
import { actionRoutes } from './http/routes/actions.ts';
import { authRoutes } from './http/routes/auth.ts';
import { clientRoutes } from './http/routes/client.ts';
import { eventRoutes } from './http/routes/events.ts';
import { historyRoutes } from './http/routes/history.ts';
import { invoiceRoutes } from './http/routes/invoices.ts';
import { memberRoutes } from './http/routes/members.ts';
import { notificationRoutes } from './http/routes/notifications.ts';
import { queueRoutes } from './http/routes/queue.ts';
import { templateRoutes } from './http/routes/templates.ts';
import { webhookRoutes } from './http/routes/webhooks.ts';
import { seedDemo } from './seed/seedDemo.ts';
import { createServices, type Services } from './services/Services.ts';

export interface RunningApp {
  url: string;
  port: number;
  seeded: boolean;
  services: Services;
  hocuspocus: Hocuspocus;
  close(): Promise<void>;
}

/** One process, one port: the HTTP API, the built client and `/collab` (DESIGN §8). */
export async function startApp(config: Config): Promise<RunningApp> {
  const services = createServices(config);
  const seeded = config.seedDemo
    ? await seedDemo(services.directory, services.invoices, services.templates)
    : false;
  const app = Fastify({ logger: { level: config.logLevel }, bodyLimit: config.maxBodyBytes });
  registerErrorHandling(app);
  const authenticate = makeAuthenticate(services.tokens, services.directory);
  app.get('/api/health', async () => ({ ok: true }));
  authRoutes(app, { ...services, authenticate });
  invoiceRoutes(app, { ...services, authenticate });
  eventRoutes(app, services);
  memberRoutes(app, { ...services, authenticate });
  actionRoutes(app, { ...services, authenticate });
  historyRoutes(app, { ...services, authenticate });
  notificationRoutes(app, { ...services, authenticate });
  webhookRoutes(app, { ...services, authenticate });
  templateRoutes(app, { ...services, authenticate });
  queueRoutes(app, { ...services, authenticate });
  await clientRoutes(app, config.clientDist);

  const collab = createCollab(services, {
    maxMessageBytes: config.maxWsMessageBytes,
    snapshotEvery: config.snapshotEvery,
    lockIdleMs: config.lockIdleMs,
  });
  app.server.on('upgrade', collab.handleUpgrade);

  await app.listen({ port: config.port, host: config.host });
  services.webhooks.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host}:${port}`,
    port,
    seeded,
    services,
    hocuspocus: collab.hocuspocus,
    async close() {
      await collab.close();
      await app.close();
      await services.webhooks.close();
      services.db.close();
    },
  };
}
