import { CloseCode } from '@cofacture/shared';
import { type beforeHandleMessagePayload, type Extension, MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

const CLIENT_MESSAGE_TYPES: ReadonlySet<number> = new Set([
  MessageType.Sync,
  MessageType.Awareness,
  MessageType.Auth,
  MessageType.QueryAwareness,
  MessageType.SyncReply,
  MessageType.Stateless,
  MessageType.CLOSE,
]);
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export class MalformedMessage extends Error {
  override name = 'MalformedMessage';
  readonly code = CloseCode.MalformedMessage;
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Refuses malformed frames before Hocuspocus handles them. Without this, y-protocols swallows
 * an update that fails to decode, logs it, and Hocuspocus still acks it as synced — the client
 * would believe a change was stored that never was. Throwing here closes that connection only.
 */
export class ProtocolGuardExtension implements Extension {
  priority = 2000;
  extensionName = 'cofacture-protocol-guard';

  async beforeHandleMessage({ update, connection }: beforeHandleMessagePayload): Promise<void> {
    try {
      checkMessage(update);
    } catch (error) {
      // Hocuspocus would only detach this document from the socket; a client that sends
      // garbage loses the whole socket instead, so it cannot keep trying on it.
      if (error instanceof MalformedMessage) connection.webSocket.close(error.code, error.reason);
      throw error;
    }
  }
}

export function checkMessage(data: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (!CLIENT_MESSAGE_TYPES.has(type)) throw new MalformedMessage(`Unknown message type ${type}.`);
    if (type !== MessageType.Sync && type !== MessageType.SyncReply) return;
    const step = decoding.readVarUint(decoder);
    if (step === SYNC_STEP_2 || step === SYNC_UPDATE) Y.decodeUpdate(decoding.readVarUint8Array(decoder));
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage('Malformed message: it could not be decoded.');
  }
}
