import { invoiceIdFromDocName, readInvoice } from '@cofacture/shared';
import type {
  afterLoadDocumentPayload,
  beforeUnloadDocumentPayload,
  Extension,
  onChangePayload,
} from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { InvoiceEvents } from '../../services/InvoiceEvents.ts';
import type { InvoiceIndex } from '../../services/InvoiceIndex.ts';
import { indexedFields } from '../../services/indexedFields.ts';

/**
 * Keeps the `invoices` table in step with each document. Throttled per document (at most one
 * reindex a second while it is edited, plus one when it unloads): reading the whole invoice,
 * summing its totals and committing a row on every keystroke would sit on the hot path for
 * nothing, since lists only need the settled value. At 500 editors over 100 invoices a 150 ms
 * throttle meant a reindex for almost every edit (≈ 500 commits/s beside the log's appends).
 */
export class IndexExtension implements Extension {
  priority = 100;
  extensionName = 'cofacture-index';
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly index: InvoiceIndex,
    private readonly events: InvoiceEvents,
    private readonly delayMs = 1000,
  ) {}

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    // Catches up after a crash that happened between an edit and its debounced reindex.
    this.reindex(documentName, document);
  }

  async onChange({ documentName, document }: onChangePayload): Promise<void> {
    if (this.timers.has(documentName)) return;
    this.timers.set(
      documentName,
      setTimeout(() => {
        this.timers.delete(documentName);
        this.reindex(documentName, document);
      }, this.delayMs),
    );
  }

  async beforeUnloadDocument({ documentName, document }: beforeUnloadDocumentPayload): Promise<void> {
    const timer = this.timers.get(documentName);
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(documentName);
    this.reindex(documentName, document);
  }

  async onDestroy(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private reindex(documentName: string, document: Y.Doc): void {
    const id = invoiceIdFromDocName(documentName);
    if (!id || document.isDestroyed) return;
    const summary = this.index.update(id, indexedFields(readInvoice(document)));
    if (summary) this.events.emit(summary);
  }
}
