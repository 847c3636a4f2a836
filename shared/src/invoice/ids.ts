const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Random ids for lines, invoices and threads. `crypto.randomUUID` is missing in insecure
 * browser contexts (plain http on a LAN address), `getRandomValues` is not.
 */
export function newId(length = 12): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
