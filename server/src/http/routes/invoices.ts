import {
  type CreateInvoiceResponse,
  INVOICE_KINDS,
  INVOICE_STATUSES,
  type InvoiceListResponse,
  type InvoiceSummary,
} from '@cofacture/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../services/errors.ts';
import type { InvoiceIndex } from '../../services/InvoiceIndex.ts';
import type { InvoiceService } from '../../services/InvoiceService.ts';
import type { TemplateService } from '../../services/templates/TemplateService.ts';
import type { Authenticate, Caller } from '../authenticate.ts';
import { parseInput } from '../validate.ts';

const ListQuery = z.object({
  status: z.enum(INVOICE_STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const text = z.string().max(2000);
const PartyInit = z.object({ name: text, address: text, vatId: text, email: text, siren: text }).partial();
const LineInit = z.object({
  description: text.optional(),
  quantity: z.string().max(40).optional(),
  unitPrice: z.string().max(40).optional(),
  vatRate: z.string().max(40).optional(),
});
const date = z.union([z.literal(''), z.iso.date()]);

const CreateBody = z.object({
  orgId: z.string().max(64).optional(),
  templateId: z.string().max(64).optional(),
  invoice: z
    .object({
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like EUR'),
      issueDate: date,
      dueDate: date,
      seller: PartyInit,
      buyer: PartyInit,
      lines: z.array(LineInit).max(1000),
      notes: z.string().max(20_000),
      terms: z.string().max(20_000),
      kind: z.enum(INVOICE_KINDS),
    })
    .partial()
    .optional(),
});

const IdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an invoice id') });

export function invoiceRoutes(
  app: FastifyInstance,
  deps: {
    authenticate: Authenticate;
    index: InvoiceIndex;
    invoices: InvoiceService;
    templates: TemplateService;
  },
) {
  app.get('/api/invoices', async (request): Promise<InvoiceListResponse> => {
    const caller = deps.authenticate(request);
    const query = parseInput(ListQuery, request.query, 'invoice list query');
    const orgIds = caller.orgs.map((m) => m.orgId);
    return { invoices: deps.index.list({ orgIds, ...query }) };
  });

  app.get('/api/invoices/:id', async (request): Promise<{ invoice: InvoiceSummary }> => {
    const caller = deps.authenticate(request);
    const { id } = parseInput(IdParams, request.params, 'invoice id');
    return { invoice: visibleInvoice(caller, deps.index, id) };
  });

  app.post('/api/invoices', async (request, reply): Promise<CreateInvoiceResponse> => {
    const caller = deps.authenticate(request);
    const body = parseInput(CreateBody, request.body, 'new invoice');
    if (body.templateId) {
      // The template's organisation is where the invoice goes; fields given in `invoice` win.
      const template = deps.templates.get(
        body.templateId,
        caller.orgs.map((m) => m.orgId),
      );
      if (body.orgId && body.orgId !== template.orgId)
        throw new AppError('bad_request', 'That template belongs to another of your organisations.');
      const orgId = creatingOrg(caller, template.orgId);
      const init = { ...deps.templates.initFrom(template), ...body.invoice };
      reply.status(201);
      return deps.invoices.create(orgId, caller.user.id, init);
    }
    const orgId = creatingOrg(caller, body.orgId);
    const created = deps.invoices.create(orgId, caller.user.id, body.invoice ?? {});
    reply.status(201);
    return created;
  });
}

/** Only preparers and admins create invoices; the org must be named when several qualify. */
function creatingOrg(caller: Caller, orgId: string | undefined): string {
  const allowed = caller.orgs.filter((m) => m.roles.includes('preparer') || m.roles.includes('admin'));
  if (orgId) {
    if (!caller.orgs.some((m) => m.orgId === orgId))
      throw new AppError('not_found', 'No such organisation among yours.');
    if (!allowed.some((m) => m.orgId === orgId)) {
      throw new AppError(
        'forbidden',
        'Only a preparer or an admin can create invoices in this organisation.',
      );
    }
    return orgId;
  }
  const [only, ...others] = allowed;
  if (!only) throw new AppError('forbidden', 'Only a preparer or an admin can create invoices.');
  if (others.length > 0)
    throw new AppError('bad_request', 'You belong to several organisations: say which with orgId.');
  return only.orgId;
}

export function visibleInvoice(caller: Caller, index: InvoiceIndex, id: string): InvoiceSummary {
  const summary = index.get(id);
  if (!summary || !caller.orgs.some((m) => m.orgId === summary.orgId)) {
    throw new AppError('not_found', `No invoice ${id} in your organisations.`);
  }
  return summary;
}
