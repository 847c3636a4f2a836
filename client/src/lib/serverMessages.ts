import type { ServerMessage } from '@cofacture/shared';

/** A stateless message from the server, or null when it is not one we know (never trusted). */
export function parseServerMessage(payload: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'edit.rejected':
      return Array.isArray(message.paths) && typeof message.reason === 'string'
        ? (value as ServerMessage)
        : null;
    case 'notify':
    case 'error':
      return typeof message.message === 'string' ? (value as ServerMessage) : null;
    case 'lock.denied': {
      const holder = message.holder as { name?: unknown } | null | undefined;
      return typeof message.path === 'string' && typeof holder?.name === 'string'
        ? (value as ServerMessage)
        : null;
    }
    default:
      return null;
  }
}

/**
 * What to tell the person, if anything; `describe` puts a field path in words ("Buyer name",
 * "line 2"). A refused lock names who holds it.
 */
export function noticeFor(
  message: ServerMessage,
  describe: (path: string) => string = (path) => path,
): string | null {
  switch (message.type) {
    case 'edit.rejected':
      return `Your change was undone by the server: ${message.reason}`;
    case 'notify':
      // A stored notification reaches the bell through the event stream; only other news shows here.
      return message.notification ? null : message.message;
    case 'error':
      return message.message;
    case 'lock.denied':
      return `You cannot lock ${describe(message.path)}: it is locked by ${message.holder.name}.`;
    default: {
      const exhaustive: never = message;
      return exhaustive;
    }
  }
}
