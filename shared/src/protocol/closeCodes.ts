/**
 * WebSocket close codes Cofacture uses on top of Hocuspocus' own (4401 Unauthorized,
 * 4403 Forbidden). Clients show a person the `reason` and decide whether to reconnect.
 */
export const CloseCode = {
  Unauthorized: 4401,
  Forbidden: 4403,
  MessageTooBig: 1009,
  MalformedMessage: 4400,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
