import { type ClientMessage, docName, type ServerMessage } from '@cofacture/shared';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Stateless messages the server sent to this client, in order. */
  messages: ServerMessage[];
  send(message: ClientMessage): void;
  /** Resolves once the server acknowledged every local change. */
  settled(): Promise<void>;
  destroy(): void;
}

/** A real @hocuspocus/provider client on a real WebSocket, as the browser uses. */
export async function connect(
  wsUrl: string,
  invoiceId: string,
  token: string,
  options: { waitForSync?: boolean } = {},
): Promise<TestClient & { authFailure: Promise<string> }> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: wsUrl,
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
  });
  const messages: ServerMessage[] = [];
  let failAuth: (reason: string) => void = () => {};
  const authFailure = new Promise<string>((resolve) => {
    failAuth = resolve;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: docName(invoiceId),
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => failAuth(reason),
    onStateless: ({ payload }) => messages.push(JSON.parse(payload) as ServerMessage),
  });
  provider.attach();
  const client = {
    doc,
    provider,
    socket,
    authFailure,
    messages,
    send: (message: ClientMessage) => provider.sendStateless(JSON.stringify(message)),
    settled: () =>
      waitFor(() => provider.isSynced && !provider.hasUnsyncedChanges, 'all changes acknowledged'),
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
  if (options.waitForSync !== false) {
    await Promise.race([
      waitFor(() => provider.isSynced, 'first sync'),
      authFailure.then((reason) => {
        throw new Error(`authentication failed: ${reason}`);
      }),
    ]);
  }
  return client;
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Polls an async probe until it returns a value (not null), e.g. an HTTP read of a debounced index. */
export async function eventually<T>(
  probe: () => Promise<T | null>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
