import {
  docName,
  type InvoiceInit,
  initInvoiceDoc,
  newId,
  readInvoice,
  serverOrigin,
} from '@cofacture/shared';
import * as Y from 'yjs';
import type { Db } from '../db/openDatabase.ts';
import type { DocStore } from '../store/DocStore.ts';
import type { InvoiceEvents } from './InvoiceEvents.ts';
import type { InvoiceIndex } from './InvoiceIndex.ts';
import { indexedFields } from './indexedFields.ts';

export class InvoiceService {
  constructor(
    private readonly db: Db,
    private readonly store: DocStore,
    private readonly index: InvoiceIndex,
    private readonly events: InvoiceEvents,
  ) {}

  /**
   * The server writes a new document's whole structure as its first logged update, in the
   * same SQLite transaction as its index row: there is never an invoice without a document.
   */
  create(orgId: string, userId: string, init: InvoiceInit) {
    const id = newId(16);
    const doc = new Y.Doc();
    initInvoiceDoc(doc, init, serverOrigin('create', userId));
    const invoice = readInvoice(doc);
    const update = Y.encodeStateAsUpdate(doc);
    this.db.transaction(() => {
      this.index.insert(id, orgId, userId, indexedFields(invoice));
      this.store.append(docName(id), userId, update);
    })();
    doc.destroy();
    const summary = this.index.get(id);
    if (summary) this.events.emit(summary);
    return { id, document: docName(id), invoice };
  }
}
