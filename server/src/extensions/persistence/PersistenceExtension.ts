import { migrateInvoiceDoc, serverOrigin } from '@cofacture/shared';
import type {
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  Extension,
  onLoadDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import type { DocStore } from '../../store/DocStore.ts';
import { ConnectionRefused, userIdOfOrigin } from '../context.ts';

export interface PersistenceOptions {
  /** A full-state snapshot is written after this many updates to one document. */
  snapshotEvery: number;
}

/** Recorded as the author of updates no authenticated user made (e.g. Hocuspocus internals). */
export const SYSTEM_USER = 'system';

/**
 * Durable per-update log (DESIGN §5). The append runs in a synchronous listener on the
 * document's own `update` event, which Yjs fires inside `applyUpdate`, before Hocuspocus sends
 * the sync ack; `onChange` would run a microtask later, after the ack may have left.
 */
export class PersistenceExtension implements Extension {
  priority = 900;
  extensionName = 'cofacture-persistence';
  private readonly sinceSnapshot = new Map<string, number>();

  constructor(
    private readonly store: DocStore,
    private readonly options: PersistenceOptions,
  ) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const { snapshot, tail } = this.store.loadTail(documentName);
    if (!snapshot && tail.length === 0) throw new ConnectionRefused('This invoice has no stored document.');
    // Loading is not editing: these updates are already in the log, so apply them before the
    // append listener exists, merged into one update (one integration pass instead of many).
    const parts = tail.map((row) => row.update);
    if (snapshot) parts.unshift(snapshot.state);
    Y.applyUpdate(document, parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts));
    this.sinceSnapshot.set(documentName, tail.length);
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    document.on('update', (update: Uint8Array, origin: unknown) => {
      this.store.append(documentName, userIdOfOrigin(origin) ?? SYSTEM_USER, update);
      this.countTowardsSnapshot(documentName, document);
    });
    migrateInvoiceDoc(document, serverOrigin('migrate'));
    if ((this.sinceSnapshot.get(documentName) ?? 0) >= this.options.snapshotEvery)
      this.snapshot(documentName, document);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.sinceSnapshot.delete(documentName);
  }

  private countTowardsSnapshot(name: string, document: Y.Doc): void {
    const count = (this.sinceSnapshot.get(name) ?? 0) + 1;
    this.sinceSnapshot.set(name, count);
    // Deferred so encoding the full state never delays the ack of the update that crossed the line.
    if (count === this.options.snapshotEvery) setImmediate(() => this.snapshot(name, document));
  }

  /** Every update is appended synchronously, so the state now is exactly the state at `lastSeq`. */
  private snapshot(name: string, document: Y.Doc): void {
    if (document.isDestroyed) return;
    this.store.writeSnapshot(name, this.store.lastSeq(name), Y.encodeStateAsUpdate(document));
    this.sinceSnapshot.set(name, 0);
  }
}
