import type * as Y from 'yjs';
import { initialKeys } from './order.ts';
import { invoiceMap, KEY, LINE_KEY, visibleLines } from './schema.ts';

export const CURRENT_SCHEMA_VERSION = 2;

/**
 * Upgrades run in order, each from version `from` to `from + 1`, inside one server-origin
 * transaction. Version 0 means "created before versions existed or never initialised".
 * A future step is added here as `{ from: 2, run: (doc) => { ... } }`.
 */
export interface Migration {
  from: number;
  run(doc: Y.Doc): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // Version 2 orders lines by a fractional `position` key instead of array order.
    from: 1,
    run(doc) {
      const visible = visibleLines(doc);
      const keys = initialKeys(visible.length);
      visible.forEach((entry, i) => {
        entry.line.set(LINE_KEY.position, keys[i]);
      });
    },
  },
];

/** Anything but a positive integer (missing, junk, NaN) reads as 0, "leave alone". */
export function schemaVersion(doc: Y.Doc): number {
  const value = invoiceMap(doc).get(KEY.schemaVersion);
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/** Returns true when the document was changed. Never downgrades a newer document. */
export function migrateInvoiceDoc(
  doc: Y.Doc,
  origin: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  target = CURRENT_SCHEMA_VERSION,
): boolean {
  const current = schemaVersion(doc);
  if (current === 0 || current >= target) return false;
  const steps: Migration[] = [];
  for (let from = current; from < target; from++) {
    const step = migrations.find((m) => m.from === from);
    // Stamping the new version over an unmigrated layout would hide the gap for good.
    if (!step) throw new Error(`No invoice migration from schema version ${from}.`);
    steps.push(step);
  }
  doc.transact(() => {
    for (const step of steps) step.run(doc);
    invoiceMap(doc).set(KEY.schemaVersion, target);
  }, origin);
  return true;
}
