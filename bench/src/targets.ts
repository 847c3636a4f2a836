import { docName, type InvoiceInit, initInvoiceDoc, newId } from '@cofacture/shared';
import { type BenchClient, hocuspocusClient, mapLimit, until, yWebsocketClient } from './clients.ts';
import { Inspector, inspectorUrl } from './inspector.ts';
import { isComplete } from './invoices.ts';
import { type ServerProcess, spawnServer } from './servers/spawn.ts';

export const TARGETS = ['cofacture', 'hocuspocus', 'y-websocket'] as const;
export type TargetName = (typeof TARGETS)[number];

export const TARGET_LABEL: Record<TargetName, string> = {
  cofacture: 'Cofacture (all extensions, SQLite)',
  hocuspocus: 'bare Hocuspocus',
  'y-websocket': 'bare y-websocket',
};

export interface Target {
  readonly name: TargetName;
  readonly server: ServerProcess;
  /** The server's inspector, when it was started with `--inspect=127.0.0.1:0`. */
  readonly inspector: Inspector | null;
  /** Makes `count` invoices with this content and returns their document names. */
  createInvoices(count: number, init: InvoiceInit): Promise<string[]>;
  /** `seat` picks who connects where a target knows people (Cofacture: two, in turn). */
  connect(name: string, seat?: number): BenchClient;
  /**
   * Opens `n` clients on an invoice and resolves once each holds its whole structure. On a bare
   * server the first client writes that structure (as Cofacture's server does on create).
   */
  open(name: string, n: number): Promise<BenchClient[]>;
  /** Whether the server keeps a document after its last client leaves (Cofacture: on disk). */
  readonly storesDocuments: boolean;
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  nodeFlags?: string[];
  env?: Record<string, string>;
  /** Another checkout to run Cofacture's server from, e.g. an export of an older commit. */
  cofactureRoot?: string;
}

const BENCH_ORIGIN = 'bench';

export async function startTarget(name: TargetName, options: StartOptions): Promise<Target> {
  const target = await spawnTarget(name, options);
  const url = inspectorUrl(target.server.output());
  if (!url) return target;
  const inspector = await Inspector.connect(url);
  await inspector.installLoopMonitor();
  return {
    ...target,
    inspector,
    async stop() {
      inspector.close();
      await target.stop();
    },
  };
}

async function spawnTarget(name: TargetName, options: StartOptions): Promise<Target> {
  switch (name) {
    case 'cofacture':
      return startCofacture(options);
    case 'hocuspocus':
      return startBare(
        name,
        await spawnServer({
          script: 'bench/src/servers/bareHocuspocus.ts',
          nodeFlags: options.nodeFlags,
          listening: /listening on port (\d+)/,
        }),
      );
    case 'y-websocket':
      return startBare(
        name,
        await spawnServer({
          script: 'bench/src/servers/bareYWebsocket.ts',
          nodeFlags: options.nodeFlags,
          listening: /listening on port (\d+)/,
        }),
      );
    default: {
      const _exhaustive: never = name;
      throw new Error(`unknown target ${String(_exhaustive)}`);
    }
  }
}

async function startCofacture(options: StartOptions): Promise<Target> {
  const server = await spawnServer({
    script: 'server/src/main.ts',
    cwd: options.cofactureRoot,
    nodeFlags: options.nodeFlags,
    env: { DATA_DIR: options.dataDir, SEED_DEMO: '1', LOG_LEVEL: 'warn', ...options.env },
    listening: /Cofacture listening on http:\/\/[^:]+:(\d+)/,
  });
  const base = `http://127.0.0.1:${server.port}`;
  const wsUrl = `ws://127.0.0.1:${server.port}/collab`;
  // Editors take turns as two people who may both edit a draft, so per-user work (the last
  // editor for four-eyes, lock holders) happens as it would in a real team.
  const tokens = [
    await login(base, 'alice@demo.test', 'cofacture-demo'),
    await login(base, 'admin@demo.test', 'cofacture-demo'),
  ];
  const token = tokens[0] as string;
  const inits = new Map<string, InvoiceInit>();
  const connect = (name: string, seat = 0) =>
    hocuspocusClient(wsUrl, name, tokens[seat % tokens.length] as string);
  return {
    name: 'cofacture',
    server,
    inspector: null,
    storesDocuments: true,
    async createInvoices(count, init) {
      const names = await mapLimit(Array.from({ length: count }), 8, async () => {
        const response = await fetch(`${base}/api/invoices`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ invoice: init }),
        });
        const body = (await response.json()) as { id?: string };
        if (response.status !== 201 || !body.id)
          throw new Error(`create invoice: ${response.status} ${JSON.stringify(body)}`);
        return docName(body.id);
      });
      for (const name of names) inits.set(name, init);
      return names;
    },
    connect,
    open: (name, n) => openClients(connect, name, n, inits.get(name), false),
    stop: () => server.stop(),
  };
}

function startBare(name: 'hocuspocus' | 'y-websocket', server: ServerProcess): Target {
  const wsUrl = `ws://127.0.0.1:${server.port}`;
  const inits = new Map<string, InvoiceInit>();
  const connect = (doc: string) =>
    name === 'hocuspocus' ? hocuspocusClient(wsUrl, doc, null) : yWebsocketClient(wsUrl, doc);
  return {
    name,
    server,
    inspector: null,
    storesDocuments: false,
    async createInvoices(count, init) {
      const names = Array.from({ length: count }, () => docName(newId(16)));
      for (const doc of names) inits.set(doc, init);
      return names;
    },
    connect,
    open: (doc, n) => openClients(connect, doc, n, inits.get(doc), true),
    stop: () => server.stop(),
  };
}

async function openClients(
  connect: (name: string, seat: number) => BenchClient,
  name: string,
  n: number,
  init: InvoiceInit | undefined,
  writeStructure: boolean,
): Promise<BenchClient[]> {
  if (!init) throw new Error(`${name} was not created by this bench run`);
  const first = connect(name, 0);
  await withProblems(first, first.synced, `first sync of ${name}`);
  if (writeStructure && !isComplete(first.doc, init)) initInvoiceDoc(first.doc, init, BENCH_ORIGIN);
  await until(first.doc, () => isComplete(first.doc, init), `structure of ${name}`);
  const rest = await mapLimit(Array.from({ length: n - 1 }), 10, async (_, i) => {
    const client = connect(name, i + 1);
    await withProblems(client, client.synced, `sync of ${name}`);
    await until(client.doc, () => isComplete(client.doc, init), `structure of ${name}`);
    return client;
  });
  return [first, ...rest];
}

/** Waits for `promise`, failing early when the client reports a problem (e.g. refused). */
async function withProblems(client: BenchClient, promise: Promise<void>, what: string): Promise<void> {
  const start = Date.now();
  let done = false;
  void promise.then(() => {
    done = true;
  });
  while (!done) {
    if (client.problems.length > 0) throw new Error(`${what}: ${client.problems.join('; ')}`);
    if (Date.now() - start > 30_000) throw new Error(`${what}: timed out`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function login(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { token?: string };
  if (response.status !== 200 || !body.token) throw new Error(`login ${email}: ${JSON.stringify(body)}`);
  return body.token;
}
