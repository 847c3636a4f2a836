import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * One editor's replica and its connection. The bench code above this interface (edits,
 * observers, clocks) is the same for every target; only the provider differs, because
 * Hocuspocus speaks its own protocol (HocuspocusProvider for Cofacture and bare Hocuspocus)
 * and y-websocket speaks plain y-protocols (y-websocket's WebsocketProvider).
 */
export interface BenchClient {
  readonly doc: Y.Doc;
  /** Resolves at the first full sync with the server. */
  readonly synced: Promise<void>;
  /** Local changes not yet acknowledged; y-websocket acknowledges nothing, so null there. */
  unacked(): number | null;
  /** Closes, connection errors and refusals seen so far (a benchmark counts them as errors). */
  readonly problems: string[];
  destroy(): void;
}

export function hocuspocusClient(wsUrl: string, name: string, token: string | null): BenchClient {
  const doc = new Y.Doc();
  const problems: string[] = [];
  let destroyed = false;
  const socket = new HocuspocusProviderWebsocket({
    url: wsUrl,
    WebSocketPolyfill: WebSocket,
    // A benchmark must see a dropped connection as an error, not hide it behind a reconnect.
    maxAttempts: 1,
  });
  let resolveSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => {
    resolveSynced = resolve;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onSynced: () => resolveSynced(),
    onAuthenticationFailed: ({ reason }) => problems.push(`refused: ${reason}`),
    onClose: ({ event }) => {
      if (!destroyed) problems.push(`closed: ${event.code} ${event.reason}`);
    },
  });
  provider.attach();
  return {
    doc,
    synced,
    problems,
    unacked: () => provider.unsyncedChanges,
    destroy() {
      destroyed = true;
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

export function yWebsocketClient(wsUrl: string, name: string): BenchClient {
  const doc = new Y.Doc();
  const problems: string[] = [];
  let destroyed = false;
  const provider = new WebsocketProvider(wsUrl, name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has a BroadcastChannel: without this, clients in one process would sync through it
    // and bypass the server.
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
  provider.on('connection-close', (event) => {
    if (!destroyed) problems.push(`closed: ${event?.code ?? ''} ${event?.reason ?? ''}`);
  });
  provider.on('connection-error', () => {
    if (!destroyed) problems.push('connection error');
  });
  return {
    doc,
    synced,
    problems,
    unacked: () => null,
    destroy() {
      destroyed = true;
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once `check(doc)` holds, checking after every update the doc applies. */
export function until(doc: Y.Doc, check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onUpdate = () => {
      if (!check()) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      doc.off('afterTransaction', onUpdate);
    };
    doc.on('afterTransaction', onUpdate);
  });
}

export async function poll(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(2);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `fn` over `items` with at most `limit` at a time, keeping the order of results. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
