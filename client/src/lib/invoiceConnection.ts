import { docName, invoiceMap, type PresenceUser } from '@cofacture/shared';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { type AwarenessLike, publishPresence } from './presence.ts';
import { createStore, type Store } from './store.ts';

/**
 * The origin of every edit this tab makes through plain inputs. The undo manager tracks it
 * (plus the rich-text bindings' origins) and nothing else, so undo never touches what someone
 * else typed.
 */
export interface LocalOrigin {
  readonly source: 'cofacture-client';
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'denied';

export interface ConnectionStatus {
  readonly state: ConnectionState;
  /** True once the first sync with the server completed: the document is safe to bind. */
  readonly loaded: boolean;
  /** The server gave this person a read-only connection (auditor, viewer). */
  readonly readOnly: boolean;
  /** Local changes the server has not acknowledged yet. */
  readonly unsynced: number;
  readonly error: string | null;
}

export interface InvoiceConnection {
  readonly invoiceId: string;
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly awareness: AwarenessLike;
  readonly origin: LocalOrigin;
  readonly undoManager: Y.UndoManager;
  readonly status: Store<ConnectionStatus>;
  destroy(): void;
}

export function collabUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

export interface OpenOptions {
  invoiceId: string;
  token: string;
  user: PresenceUser;
  url?: string;
  /** The window whose online/offline events drive the socket (tests pass a stub). */
  win?: Window;
}

export function openInvoiceConnection({
  invoiceId,
  token,
  user,
  url = collabUrl(),
  win = window,
}: OpenOptions): InvoiceConnection {
  const doc = new Y.Doc();
  const origin: LocalOrigin = { source: 'cofacture-client' };
  const online = () => win.navigator.onLine;
  const status = createStore<ConnectionStatus>({
    state: online() ? 'connecting' : 'offline',
    loaded: false,
    readOnly: false,
    unsynced: 0,
    error: null,
  });
  const provider = new HocuspocusProvider({ url, name: docName(invoiceId), document: doc, token });
  const awareness = provider.awareness as AwarenessLike | null;
  if (!awareness) throw new Error('The collaboration provider was created without awareness.');
  publishPresence(awareness, user);

  // One undo history for the whole invoice, fed only by this tab's own edits. The scope is the
  // invoice map, which holds every field including the rich-text roots.
  const undoManager = new Y.UndoManager(invoiceMap(doc), {
    trackedOrigins: new Set([origin]),
    captureTimeout: 500,
  });

  const update = (patch: Partial<ConnectionStatus>) => {
    const current = status.get();
    const changed = (Object.keys(patch) as (keyof ConnectionStatus)[]).some(
      (key) => patch[key] !== current[key],
    );
    if (changed) status.set({ ...current, ...patch });
  };
  const settle = () => {
    const current = status.get();
    if (current.state === 'denied') return;
    if (!online()) update({ state: 'offline' });
    else if (provider.isSynced) update({ state: 'connected' });
    else update({ state: current.loaded ? 'reconnecting' : 'connecting' });
  };
  provider.on('synced', () => {
    update({ loaded: true });
    settle();
  });
  provider.on('status', settle);
  provider.on('close', settle);
  provider.on('unsyncedChanges', ({ number }: { number: number }) => update({ unsynced: number }));
  provider.on('authenticated', ({ scope }: { scope: string }) => update({ readOnly: scope === 'readonly' }));
  provider.on('authenticationFailed', ({ reason }: { reason: string }) =>
    update({ state: 'denied', error: reason || 'You may not open this invoice.' }),
  );

  // Chromium keeps an idle WebSocket open for a while after the network is gone; dropping it
  // at once shows "offline" truthfully, and reconnecting on "online" does not wait for the
  // provider's exponential back-off. Offline edits stay in the document and are sent on sync.
  const goOffline = () => {
    provider.disconnect();
    settle();
  };
  const goOnline = () => {
    settle();
    void provider.connect();
  };
  win.addEventListener('offline', goOffline);
  win.addEventListener('online', goOnline);

  return {
    invoiceId,
    doc,
    provider,
    awareness,
    origin,
    undoManager,
    status,
    destroy() {
      win.removeEventListener('offline', goOffline);
      win.removeEventListener('online', goOnline);
      undoManager.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}
