import {
  type ClientMessage,
  canBreakLocks,
  canLock,
  conflictingLock,
  invoiceMap,
  isInvoiceStatus,
  isLockablePath,
  KEY,
  locksMap,
  parseClientMessage,
  pathsOverlap,
  readLocks,
  type ServerMessage,
  serverOrigin,
} from '@cofacture/shared';
import type {
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  Connection,
  Extension,
  onDisconnectPayload,
  onStatelessPayload,
} from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { ConnectionContext } from '../context.ts';

export interface LocksOptions {
  /** A lock nobody used for this long is released. */
  idleMs: number;
  sweepMs: number;
}

interface Held {
  socketId: string;
  userId: string;
  lastActivity: number;
}

/**
 * Field locks (DESIGN §4, §7): granted or denied by the server on `lock.acquire`, shown to
 * everyone through the server-owned `locks` map, and ended on release, on the holder's
 * disconnect, after an idle timeout, or by an admin. Requests are handled one at a time on the
 * event loop, so of two racing requests for one path exactly one wins.
 */
export class LocksExtension implements Extension {
  priority = 700;
  extensionName = 'cofacture-locks';
  private readonly held = new Map<string, Map<string, Held>>();
  private readonly documents = new Map<string, Y.Doc>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly options: LocksOptions) {}

  async onConfigure(): Promise<void> {
    this.sweeper = setInterval(() => this.sweep(Date.now()), this.options.sweepMs);
    this.sweeper.unref();
  }

  async onDestroy(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    this.documents.set(documentName, document);
    // Nobody is connected yet: any lock in the stored document outlived its holder (a restart).
    const stale = readLocks(document).map((entry) => entry.path);
    if (stale.length > 0) this.remove(document, documentName, stale, null);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.documents.delete(documentName);
    this.held.delete(documentName);
  }

  async onStateless({ connection, document, documentName, payload }: onStatelessPayload): Promise<void> {
    const message = parseClientMessage(payload);
    if (!message) {
      send(connection, {
        type: 'error',
        code: 'bad_message',
        message: 'Unrecognised message: expected lock.acquire or lock.release with a path.',
      });
      return;
    }
    this.handle(connection, document, documentName, message);
  }

  async onDisconnect({ documentName, socketId, document }: onDisconnectPayload): Promise<void> {
    const held = this.held.get(documentName);
    if (!held) return;
    const mine = [...held].filter(([, h]) => h.socketId === socketId).map(([path]) => path);
    if (mine.length > 0) this.remove(document, documentName, mine, null);
  }

  /** Edits by a holder inside a lock keep it alive. */
  touch(documentName: string, userId: string, paths: readonly string[]): void {
    const held = this.held.get(documentName);
    if (!held) return;
    const now = Date.now();
    for (const [lockPath, h] of held) {
      if (h.userId === userId && paths.some((p) => pathsOverlap(p, lockPath))) h.lastActivity = now;
    }
  }

  sweep(now: number): void {
    for (const [documentName, held] of this.held) {
      const doc = this.documents.get(documentName);
      const idle = [...held]
        .filter(([, h]) => now - h.lastActivity >= this.options.idleMs)
        .map(([path]) => path);
      if (doc && idle.length > 0) this.remove(doc, documentName, idle, null);
    }
  }

  private handle(connection: Connection, doc: Y.Doc, documentName: string, message: ClientMessage): void {
    const context = connection.context as ConnectionContext;
    const { path } = message;
    if (!isLockablePath(path)) {
      send(connection, {
        type: 'error',
        code: 'bad_path',
        message: `"${path}" cannot be locked: lock a field, a block or a line.`,
      });
      return;
    }
    if (message.type === 'lock.release') {
      const holder = locksMap(doc).get(path) as { userId?: string } | undefined;
      if (!holder) return;
      if (holder.userId !== context.user.id && !canBreakLocks(context.roles)) {
        send(connection, {
          type: 'error',
          code: 'not_holder',
          message: `Only its holder or an admin can release the lock on ${path}.`,
        });
        return;
      }
      this.remove(doc, documentName, [path], context.user.id);
      return;
    }
    const rawStatus = invoiceMap(doc).get(KEY.status);
    const decision = canLock(context.roles, path, isInvoiceStatus(rawStatus) ? rawStatus : 'draft');
    if (!decision.ok) {
      send(connection, { type: 'error', code: 'lock_forbidden', message: decision.reason });
      return;
    }
    const conflict = conflictingLock(doc, path, context.user.id);
    if (conflict) {
      send(connection, { type: 'lock.denied', path, holder: conflict.holder });
      return;
    }
    const held = this.held.get(documentName) ?? new Map<string, Held>();
    this.held.set(documentName, held);
    held.set(path, { socketId: connection.socketId, userId: context.user.id, lastActivity: Date.now() });
    if (locksMap(doc).has(path)) return; // a refresh of the caller's own lock
    doc.transact(
      () => {
        locksMap(doc).set(path, {
          userId: context.user.id,
          name: context.user.name,
          since: new Date().toISOString(),
        });
      },
      serverOrigin('locks', context.user.id),
    );
  }

  private remove(doc: Y.Doc, documentName: string, paths: readonly string[], byUserId: string | null): void {
    const held = this.held.get(documentName);
    doc.transact(
      () => {
        for (const path of paths) {
          locksMap(doc).delete(path);
          held?.delete(path);
        }
      },
      serverOrigin('locks', byUserId),
    );
  }
}

function send(connection: Connection, message: ServerMessage): void {
  connection.sendStateless(JSON.stringify(message));
}
