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
    case 'lock.denied':
      return typeof message.path === 'string' ? (value as ServerMessage) : null;
    default:
      return null;
  }
}

/** What to tell the person, if anything (locks are shown by a later feature). */
export function noticeFor(message: ServerMessage): string | null {
  switch (message.type) {
    case 'edit.rejected':
      return `Your change was undone by the server: ${message.reason}`;
    case 'notify':
    case 'error':
      return message.message;
    case 'lock.denied':
      return null;
    default: {
      const exhaustive: never = message;
      return exhaustive;
    }
  }
}
