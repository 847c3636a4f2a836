import type { Invoice } from '../invoice/types.ts';
import type { Role } from '../roles.ts';
import type { InvoiceKind, InvoiceStatus } from '../workflow.ts';

/** JSON shapes of the HTTP API (DESIGN §7, contract). */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
}

export interface Membership {
  orgId: string;
  orgName: string;
  roles: Role[];
}

export interface LoginResponse {
  token: string;
  user: PublicUser;
}

export interface MeResponse {
  user: PublicUser;
  orgs: Membership[];
}

export interface InvoiceSummary {
  id: string;
  orgId: string;
  status: InvoiceStatus;
  kind: InvoiceKind;
  number: string | null;
  buyerName: string;
  currency: string;
  netTotal: string;
  grossTotal: string;
  issueDate: string;
  dueDate: string;
  createdAt: string;
  updatedAt: string;
}

export interface InvoiceListResponse {
  invoices: InvoiceSummary[];
}

export interface CreateInvoiceResponse {
  id: string;
  document: string;
  invoice: Invoice;
}
