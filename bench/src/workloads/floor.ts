import WebSocket from 'ws';
import { sleep } from '../clients.ts';
import { spawnServer } from '../servers/spawn.ts';
import { type LatencySummary, summarize } from '../stats.ts';

/**
 * What this machine allows at best: the round trip of a small message through a bare `ws`
 * echo server in another process, at the same 10-per-second pace as the editors. Every
 * latency in the table sits on top of this (one hop there and one back).
 */
export async function runFloor(messages: number): Promise<LatencySummary> {
  const server = await spawnServer({
    script: 'bench/src/servers/echo.ts',
    listening: /listening on port (\d+)/,
  });
  try {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const samples: number[] = [];
    for (let i = 0; i < messages; i++) {
      const start = performance.now();
      await new Promise((resolve) => {
        socket.once('message', resolve);
        socket.send('x'.repeat(40));
      });
      samples.push(performance.now() - start);
      await sleep(100);
    }
    socket.close();
    return summarize(samples);
  } finally {
    await server.stop();
  }
}
