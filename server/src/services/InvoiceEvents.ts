import { EventEmitter } from 'node:events';
import type { InvoiceSummary } from '@cofacture/shared';

/** In-process fan-out of index changes to live lists (SSE). */
export class InvoiceEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  emit(summary: InvoiceSummary): void {
    this.emitter.emit('invoice', summary);
  }

  subscribe(listener: (summary: InvoiceSummary) => void): () => void {
    this.emitter.on('invoice', listener);
    return () => this.emitter.off('invoice', listener);
  }
}
