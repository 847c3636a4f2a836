import { z } from 'zod';
import type { Notification } from './notifications.ts';

/**
 * Stateless messages carried over the Hocuspocus connection (DESIGN §7, contract). Parsed once
 * at the boundary; anything that does not match is answered with `error`, never trusted.
 */
export const PROTOCOL_VERSION = 1;

const fieldPath = z.string().min(1).max(200);

export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lock.acquire'), path: fieldPath }),
  z.object({ type: z.literal('lock.release'), path: fieldPath }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export interface LockHolder {
  readonly userId: string;
  readonly name: string;
  readonly since: string;
}

export type ServerMessage =
  | { readonly type: 'lock.denied'; readonly path: string; readonly holder: LockHolder }
  | { readonly type: 'edit.rejected'; readonly paths: readonly string[]; readonly reason: string }
  | {
      readonly type: 'notify';
      readonly kind: string;
      readonly message: string;
      readonly invoiceId?: string;
      /** The stored notification, when the message announces one (a `NotificationKind`). */
      readonly notification?: Notification;
    }
  | { readonly type: 'error'; readonly code: string; readonly message: string };

export function parseClientMessage(payload: string): ClientMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  const result = ClientMessage.safeParse(json);
  return result.success ? result.data : null;
}
