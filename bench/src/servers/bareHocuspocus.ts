import type { AddressInfo } from 'node:net';
import { Server } from '@hocuspocus/server';

/**
 * Baseline (b): Hocuspocus of the same version as Cofacture's, with no extension and no
 * storage, on its own `ws` server. Prints the port it got, as the bench runner expects.
 */
const server = new Server({ quiet: true, stopOnSignals: false });
// `Server.listen` would bind every interface; the bench stays on loopback.
server.httpServer.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const { port } = server.httpServer.address() as AddressInfo;
  console.log(`bare hocuspocus listening on port ${port}`);
});
process.once('SIGTERM', async () => {
  await server.destroy();
  process.exit(0);
});
