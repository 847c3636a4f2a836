import type { InvoiceKind, InvoiceStatus } from '../workflow.ts';
import type { LineNumberField, PartyField } from './schema.ts';

export type Party = Record<PartyField, string>;

export interface InvoiceLine extends Record<LineNumberField, string> {
  id: string;
  description: string;
}

/** The plain value of an invoice document, as `readInvoice` returns it. */
export interface Invoice {
  schemaVersion: number;
  currency: string;
  issueDate: string;
  dueDate: string;
  seller: Party;
  buyer: Party;
  lines: InvoiceLine[];
  notes: string;
  terms: string;
  status: InvoiceStatus;
  number: string | null;
  kind: InvoiceKind;
}

export type InvoiceLineInit = Partial<Omit<InvoiceLine, 'id'>> & { id?: string };

/** What the server may put into a new document: any subset of the content. */
export interface InvoiceInit {
  currency?: string;
  issueDate?: string;
  dueDate?: string;
  seller?: Partial<Party>;
  buyer?: Partial<Party>;
  lines?: InvoiceLineInit[];
  notes?: string;
  terms?: string;
  status?: InvoiceStatus;
  number?: string | null;
  kind?: InvoiceKind;
}
