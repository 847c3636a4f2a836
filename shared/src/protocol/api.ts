import type { Invoice } from '../invoice/types.ts';
import type { Role } from '../roles.ts';
import type { InvoiceKind, InvoiceStatus } from '../workflow.ts';
import type { WorkflowAction } from '../workflowRules.ts';

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

/** `GET /api/invoices/:id/actions`: every action, whether this user may take it now, and why not. */
export interface AvailableAction {
  action: WorkflowAction;
  label: string;
  allowed: boolean;
  /** The rule that stops this user now, when not allowed. */
  reason?: string;
  needsReason: boolean;
}

/** Body of `POST /api/invoices/:id/actions/:action`. */
export interface ActionInput {
  reason?: string;
  paymentDate?: string;
  paymentMethod?: string;
}

/** Answer of `POST /api/invoices/:id/actions/:action`. */
export interface ActionResult {
  invoice: InvoiceSummary;
  /** Further distinct approvals the invoice still needs (approve only). */
  approvalsNeeded?: number;
  /** The new credit note (credit only). */
  creditNoteId?: string;
}

/** `GET /api/queue`: one invoice waiting for this user's next step. */
export interface QueueItem {
  invoice: InvoiceSummary;
  action: WorkflowAction;
  label: string;
}
