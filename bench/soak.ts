/**
 * Durability soak: `pnpm exec tsx bench/soak.ts [cycles]` (default 200). Each cycle opens the
 * invoice, checks every earlier edit is there, makes a burst of edits, waits for the server's
 * ack and kills the server with SIGKILL. The test suite runs 20 cycles; this runs many more.
 */
import { insertLine, readInvoice, setPartyField } from '@cofacture/shared';
import { createInvoice, login } from '../server/test/support/api.ts';
import { connect } from '../server/test/support/collabClient.ts';
import { spawnServer } from '../server/test/support/spawnServer.ts';

const cycles = Number(process.argv[2] ?? 200);
let server = await spawnServer();
const dataDir = server.dataDir;
const token = await login(server.url, 'alice@demo.test');
const id = await createInvoice(server.url, token);
let name = '';
let lines = 0;
const started = Date.now();
for (let cycle = 1; cycle <= cycles; cycle++) {
  const client = await connect(server.wsUrl, id, token);
  const seen = readInvoice(client.doc);
  if (seen.buyer.name !== name || seen.lines.length !== lines) {
    console.error(
      `cycle ${cycle}: LOST DATA — expected name "${name}" and ${lines} lines, got`,
      seen.buyer.name,
      seen.lines.length,
    );
    await server.kill9();
    process.exit(1);
  }
  for (let burst = 0; burst < 5; burst++) {
    name += String(cycle % 10);
    setPartyField(client.doc, 'buyer', 'name', name, 'soak');
    insertLine(client.doc, lines++, { description: `c${cycle}b${burst}` }, 'soak');
  }
  await client.settled();
  client.destroy();
  await server.kill9();
  server = await spawnServer({ dataDir });
  if (cycle % 10 === 0) console.log(`${cycle}/${cycles} cycles, ${lines} lines, nothing lost`);
}
await server.stop();
console.log(
  `Soak passed: ${cycles} kill -9 cycles in ${((Date.now() - started) / 1000).toFixed(0)} s, nothing lost.`,
);
