import type * as Y from 'yjs';
import { invoiceMap, KEY } from './schema.ts';

export const CURRENT_SCHEMA_VERSION = 1;

/**
 * Upgrades run in order, each from version `from` to `from + 1`, inside one server-origin
 * transaction. Version 0 means "created before versions existed or never initialised".
 * A future step is added here as `{ from: 1, run: (doc) => { ... } }`.
 */
export interface Migration {
  from: number;
  run(doc: Y.Doc): void;
}

export const MIGRATIONS: readonly Migration[] = [];

export function schemaVersion(doc: Y.Doc): number {
  const value = invoiceMap(doc).get(KEY.schemaVersion);
  return typeof value === 'number' ? value : 0;
}

/** Returns true when the document was changed. Never downgrades a newer document. */
export function migrateInvoiceDoc(
  doc: Y.Doc,
  origin: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  target = CURRENT_SCHEMA_VERSION,
): boolean {
  let version = schemaVersion(doc);
  if (version === 0 || version >= target) return false;
  doc.transact(() => {
    while (version < target) {
      const step = migrations.find((m) => m.from === version);
      if (step) step.run(doc);
      version++;
    }
    invoiceMap(doc).set(KEY.schemaVersion, version);
  }, origin);
  return true;
}
