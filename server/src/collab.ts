import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  CloseCode,
  invoiceIdFromDocName,
  isContentPath,
  isReadOnlyRoleSet,
  type Notification,
  type ServerMessage,
} from '@cofacture/shared';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import { AuditExtension } from './extensions/audit/AuditExtension.ts';
import { AuthExtension } from './extensions/auth/AuthExtension.ts';
import type { ConnectionContext } from './extensions/context.ts';
import { GuardExtension } from './extensions/guard/GuardExtension.ts';
import { IndexExtension } from './extensions/index/IndexExtension.ts';
import { ProtocolGuardExtension } from './extensions/limits/ProtocolGuardExtension.ts';
import { LocksExtension } from './extensions/locks/LocksExtension.ts';
import { PersistenceExtension } from './extensions/persistence/PersistenceExtension.ts';
import { WorkflowExtension } from './extensions/workflow/WorkflowExtension.ts';
import type { MembershipChange } from './services/MemberService.ts';
import { mentionNotifier } from './services/notifications/mentions.ts';
import type { Services } from './services/Services.ts';

export const COLLAB_PATH = '/collab';

/**
 * The composition root of the collaboration server: Hocuspocus with our extensions, in
 * priority order (protocol guard → auth → persistence → guard → locks → audit → index), behind a `ws`
 * server whose `maxPayload` refuses oversized messages (close 1009) before any is parsed.
 */
export interface CollabOptions {
  maxMessageBytes: number;
  snapshotEvery: number;
  lockIdleMs: number;
}

export function createCollab(services: Services, options: CollabOptions) {
  const locks = new LocksExtension({
    idleMs: options.lockIdleMs,
    sweepMs: Math.min(5000, Math.max(50, options.lockIdleMs / 4)),
  });
  const audit = new AuditExtension(services.audit);
  const notifyMentions = mentionNotifier(services.notifications, services.directory);
  const hocuspocus = new Hocuspocus({
    quiet: true,
    timeout: 30_000,
    extensions: [
      new ProtocolGuardExtension(),
      new AuthExtension(services.tokens, services.directory, services.index),
      new PersistenceExtension(services.store, { snapshotEvery: options.snapshotEvery }),
      new WorkflowExtension(services.index),
      new GuardExtension({
        onAccepted: (name, userId, paths, transaction) => {
          locks.touch(name, userId, paths);
          const invoiceId = invoiceIdFromDocName(name);
          if (invoiceId && paths.some(isContentPath)) services.workflow.noteContentEdit(invoiceId, userId);
          notifyMentions(name, userId, paths, transaction);
        },
        onRejected: audit.onRejected,
      }),
      locks,
      audit,
      new IndexExtension(services.index, services.events),
    ],
  });
  services.workflow.attach(hocuspocus);
  services.templates.attach(hocuspocus);
  services.members.onChange((change) => applyMembershipChange(hocuspocus, change));
  const stopNotifying = services.notifications.subscribe((userId, notification) =>
    notifyConnections(hocuspocus, userId, notification),
  );
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  wss.on('connection', (socket, request: IncomingMessage) => {
    // A socket error (e.g. a frame over maxPayload) only ends that connection.
    socket.on('error', () => socket.terminate());
    hocuspocus.handleConnection(socket, request);
  });

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (request.url ?? '').split('?')[0];
    if (path !== COLLAB_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  }

  async function close(): Promise<void> {
    stopNotifying();
    hocuspocus.closeConnections();
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
  }

  return { hocuspocus, handleUpgrade, close };
}

/** New roles apply to open connections at once; a removed member is disconnected. */
function applyMembershipChange(hocuspocus: Hocuspocus, change: MembershipChange): void {
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      const context = connection.context as ConnectionContext;
      if (context.user.id !== change.userId || context.orgId !== change.orgId) continue;
      if (change.roles === null) {
        connection.close({
          code: CloseCode.Forbidden,
          reason: 'You are no longer a member of this organisation.',
        });
      } else {
        context.roles = change.roles;
        connection.readOnly = isReadOnlyRoleSet(change.roles);
      }
    }
  }
}

/** A stored notification also reaches every open connection of its recipient, on any invoice. */
function notifyConnections(hocuspocus: Hocuspocus, userId: string, notification: Notification): void {
  const message: ServerMessage = {
    type: 'notify',
    kind: notification.kind,
    message: notification.message,
    invoiceId: notification.invoiceId,
    notification,
  };
  const payload = JSON.stringify(message);
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      if ((connection.context as ConnectionContext | undefined)?.user.id === userId)
        connection.sendStateless(payload);
    }
  }
}
