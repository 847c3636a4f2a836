import { Readable } from 'node:stream';
import { canAuditChain, docName, type Role } from '@cofacture/shared';
import {
  AUDIT_ENTRY_KINDS,
  type AuditEntryKind,
  type ChainVerification,
  type DiffResponse,
  type HistoryResponse,
  type OrgVerifyResponse,
  type StateResponse,
} from '@cofacture/shared/audit/index.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuditService } from '../../services/audit/AuditService.ts';
import { csvExport, jsonExport } from '../../services/audit/exportFormats.ts';
import { AppError } from '../../services/errors.ts';
import type { InvoiceIndex } from '../../services/InvoiceIndex.ts';
import type { Authenticate, Caller } from '../authenticate.ts';
import { parseInput } from '../validate.ts';
import { visibleInvoice } from './invoices.ts';

const IdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an invoice id') });
const OrgParams = z.object({ orgId: z.string().min(1).max(64) });
const seq = z.coerce.number().int().min(0);
/** Milliseconds since the epoch, or an ISO 8601 date-time. */
const time = z.union([
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
  z.iso.datetime({ offset: true }).transform((value) => Date.parse(value)),
]);

const HistoryQuery = z.object({
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  order: z.enum(['asc', 'desc']).default('asc'),
  user: z.string().min(1).max(64).optional(),
  path: z.string().min(1).max(200).optional(),
  kind: z
    .string()
    .max(200)
    .transform((value) => value.split(',').filter((k) => k.length > 0))
    .pipe(z.array(z.enum(AUDIT_ENTRY_KINDS)))
    .optional(),
  from: time.optional(),
  to: time.optional(),
});
const StateQuery = z.object({ at: seq.optional() });
const DiffQuery = z.object({ from: seq.default(0), to: seq.optional() });
const ExportQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

/**
 * The audit API (DESIGN §7): every member who can see an invoice may read its history, its
 * state at any seq and diffs (they see the live document anyway); verifying chains and exporting
 * them (with every raw update) is for the org's auditors and admins.
 */
export function historyRoutes(
  app: FastifyInstance,
  deps: { authenticate: Authenticate; index: InvoiceIndex; audit: AuditService },
) {
  const invoiceFor = (request: { params: unknown }, caller: Caller) => {
    const { id } = parseInput(IdParams, request.params, 'invoice id');
    const summary = visibleInvoice(caller, deps.index, id);
    const roles = caller.orgs.find((m) => m.orgId === summary.orgId)?.roles ?? [];
    return { id, roles };
  };

  app.get('/api/invoices/:id/history', async (request): Promise<HistoryResponse> => {
    const { id } = invoiceFor(request, deps.authenticate(request));
    const { kind, ...query } = parseInput(HistoryQuery, request.query, 'history query');
    return deps.audit.history(id, { ...query, kinds: kind as AuditEntryKind[] | undefined });
  });

  app.get('/api/invoices/:id/state', async (request): Promise<StateResponse> => {
    const { id } = invoiceFor(request, deps.authenticate(request));
    const { at } = parseInput(StateQuery, request.query, 'state query');
    return deps.audit.state(id, at);
  });

  app.get('/api/invoices/:id/diff', async (request): Promise<DiffResponse> => {
    const { id } = invoiceFor(request, deps.authenticate(request));
    const { from, to } = parseInput(DiffQuery, request.query, 'diff query');
    return deps.audit.diff(id, from, to);
  });

  app.get('/api/invoices/:id/verify', async (request): Promise<ChainVerification> => {
    const { id, roles } = invoiceFor(request, deps.authenticate(request));
    requireAuditRole(roles, 'verify');
    return deps.audit.verify(id);
  });

  app.get('/api/invoices/:id/export', async (request, reply) => {
    const { id, roles } = invoiceFor(request, deps.authenticate(request));
    requireAuditRole(roles, 'export');
    const { format } = parseInput(ExportQuery, request.query, 'export query');
    const names = new Map<string, string>();
    const parts = {
      invoiceId: id,
      doc: docName(id),
      verification: await deps.audit.verify(id),
      rows: deps.audit.chainRows(id),
      entries: deps.audit.entries(id),
      userName: (userId: string) => deps.audit.userName(userId, names),
    };
    const csv = format === 'csv';
    return reply
      .type(csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="invoice-${id}-audit.${format}"`)
      .send(Readable.from(csv ? csvExport(parts) : jsonExport(parts)));
  });

  app.get('/api/orgs/:orgId/verify', async (request): Promise<OrgVerifyResponse> => {
    const caller = deps.authenticate(request);
    const { orgId } = parseInput(OrgParams, request.params, 'organisation');
    const membership = caller.orgs.find((m) => m.orgId === orgId);
    if (!membership) throw new AppError('not_found', 'No such organisation among yours.');
    requireAuditRole(membership.roles, 'verify');
    return deps.audit.verifyOrg(orgId);
  });
}

function requireAuditRole(roles: readonly Role[], what: 'verify' | 'export'): void {
  if (!canAuditChain(roles))
    throw new AppError('forbidden', `Only auditors and admins can ${what} the audit log.`);
}
