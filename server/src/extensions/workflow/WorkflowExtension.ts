import {
  invoiceIdFromDocName,
  invoiceMap,
  isInvoiceKind,
  isInvoiceStatus,
  KEY,
  serverOrigin,
  setServerFields,
} from '@cofacture/shared';
import type { afterLoadDocumentPayload, Extension } from '@hocuspocus/server';
import type { InvoiceIndex } from '../../services/InvoiceIndex.ts';

/**
 * Status, number and kind are decided in SQL and then written into the document. If the
 * process died between the two, the document is behind: bring it in line when it loads.
 */
export class WorkflowExtension implements Extension {
  priority = 850;
  extensionName = 'cofacture-workflow';

  constructor(private readonly index: InvoiceIndex) {}

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    const id = invoiceIdFromDocName(documentName);
    const row = id ? this.index.get(id) : null;
    if (!row) return;
    const root = invoiceMap(document);
    const status = isInvoiceStatus(row.status) ? row.status : undefined;
    const kind = isInvoiceKind(row.kind) ? row.kind : undefined;
    const stale =
      root.get(KEY.status) !== status ||
      root.get(KEY.kind) !== kind ||
      (root.get(KEY.number) ?? null) !== row.number;
    if (stale) setServerFields(document, { status, kind, number: row.number }, serverOrigin('workflow'));
  }
}
