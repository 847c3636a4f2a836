/**
 * The byte layout hashed into the update log's chain (DESIGN §5):
 * `hash = sha256(prev_hash ‖ seq ‖ doc ‖ user ‖ at ‖ update)`. Fields are joined by a newline,
 * which none of them may contain, so no two different rows produce the same input. Kept here so
 * an outside verifier (or the browser, with SubtleCrypto) hashes exactly what the server hashed.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainRow {
  prevHash: string;
  seq: number;
  doc: string;
  userId: string;
  /** Milliseconds since the Unix epoch. */
  at: number;
  update: Uint8Array;
}

const encoder = new TextEncoder();

export function chainPayload(row: ChainRow): Uint8Array {
  for (const [name, value] of [
    ['doc', row.doc],
    ['userId', row.userId],
  ] as const) {
    if (value.includes('\n')) throw new Error(`Audit chain field ${name} may not contain a newline.`);
  }
  const head = encoder.encode(`${row.prevHash}\n${row.seq}\n${row.doc}\n${row.userId}\n${row.at}\n`);
  const out = new Uint8Array(head.length + row.update.length);
  out.set(head, 0);
  out.set(row.update, head.length);
  return out;
}
