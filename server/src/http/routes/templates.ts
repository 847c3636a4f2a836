import { compareDecimal, isDecimalString, PARTY_FIELDS, type Role } from '@cofacture/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../services/errors.ts';
import type { InvoiceIndex } from '../../services/InvoiceIndex.ts';
import {
  type InvoiceTemplate,
  MAX_DUE_DAYS,
  type TemplateService,
} from '../../services/templates/TemplateService.ts';
import type { Authenticate, Caller } from '../authenticate.ts';
import { parseInput } from '../validate.ts';
import { visibleInvoice } from './invoices.ts';

const OrgParams = z.object({ orgId: z.string().min(1).max(64) });
const TemplateParams = OrgParams.extend({ templateId: z.string().min(1).max(64) });
const InvoiceParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an invoice id') });

const isRate = (v: string) =>
  isDecimalString(v) && compareDecimal(v, '0') >= 0 && compareDecimal(v, '100') <= 0;
const RATE = 'must be a VAT rate from 0 to 100, like "20" or "5.5"';
const amount = z
  .string()
  .trim()
  .max(40)
  .refine((v) => v === '' || isDecimalString(v), 'must be a decimal number like "120.50", or empty');
const Line = z.object({
  description: z.string().max(2000).default(''),
  quantity: amount.default(''),
  unitPrice: amount.default(''),
  vatRate: z
    .string()
    .trim()
    .max(10)
    .refine((v) => v === '' || isRate(v), `${RATE}, or empty for the template's rate`)
    .default(''),
});
const name = z.string({ error: 'is required' }).trim().min(1, 'is required').max(200);
/** Create and replace (PUT) take the whole template. */
const TemplateBody = z.object({
  name,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like EUR')
    .default('EUR'),
  seller: z
    .object(Object.fromEntries(PARTY_FIELDS.map((f) => [f, z.string().max(2000).optional()])))
    .default({}),
  terms: z.string().max(20_000).default(''),
  lines: z.array(Line).max(200).default([]),
  vatRate: z.string({ error: 'is required' }).trim().refine(isRate, RATE),
  dueDays: z
    .number({ error: 'is required, a number of days' })
    .int('must be a whole number of days')
    .min(0, 'cannot be negative')
    .max(MAX_DUE_DAYS, `must be at most ${MAX_DUE_DAYS}`),
});
const SaveAsBody = z.object({ name });

/** Members read their organisation's templates; admins write them; preparers save invoices as one. */
export function templateRoutes(
  app: FastifyInstance,
  deps: { authenticate: Authenticate; templates: TemplateService; index: InvoiceIndex },
) {
  app.get('/api/orgs/:orgId/templates', async (request): Promise<{ templates: InvoiceTemplate[] }> => {
    const { orgId } = parseInput(OrgParams, request.params, 'organisation');
    rolesInOrg(deps.authenticate(request), orgId);
    return { templates: deps.templates.list(orgId) };
  });

  app.get(
    '/api/orgs/:orgId/templates/:templateId',
    async (request): Promise<{ template: InvoiceTemplate }> => {
      const { orgId, templateId } = parseInput(TemplateParams, request.params, 'template');
      rolesInOrg(deps.authenticate(request), orgId);
      return { template: deps.templates.get(templateId, [orgId]) };
    },
  );

  app.post('/api/orgs/:orgId/templates', async (request, reply): Promise<{ template: InvoiceTemplate }> => {
    const { orgId } = parseInput(OrgParams, request.params, 'organisation');
    const caller = deps.authenticate(request);
    requireOrgAdmin(caller, orgId, ADMINS_ONLY);
    const body = parseInput(TemplateBody, request.body, 'template');
    reply.status(201);
    return { template: deps.templates.create(orgId, caller.user.id, body) };
  });

  app.put(
    '/api/orgs/:orgId/templates/:templateId',
    async (request): Promise<{ template: InvoiceTemplate }> => {
      const { orgId, templateId } = parseInput(TemplateParams, request.params, 'template');
      requireOrgAdmin(deps.authenticate(request), orgId, ADMINS_ONLY);
      const body = parseInput(TemplateBody, request.body, 'template');
      return { template: deps.templates.replace(orgId, templateId, body) };
    },
  );

  app.delete('/api/orgs/:orgId/templates/:templateId', async (request, reply) => {
    const { orgId, templateId } = parseInput(TemplateParams, request.params, 'template');
    requireOrgAdmin(deps.authenticate(request), orgId, ADMINS_ONLY);
    deps.templates.remove(orgId, templateId);
    return reply.status(204).send();
  });

  app.post(
    '/api/invoices/:id/save-as-template',
    async (request, reply): Promise<{ template: InvoiceTemplate }> => {
      const caller = deps.authenticate(request);
      const { id } = parseInput(InvoiceParams, request.params, 'invoice id');
      const invoice = visibleInvoice(caller, deps.index, id);
      const roles = rolesInOrg(caller, invoice.orgId);
      if (!roles.includes('preparer') && !roles.includes('admin'))
        throw new AppError('forbidden', 'Only a preparer or an admin can save an invoice as a template.');
      const body = parseInput(SaveAsBody, request.body, 'template');
      reply.status(201);
      return { template: await deps.templates.saveFromInvoice(invoice.orgId, caller.user.id, id, body.name) };
    },
  );
}

const ADMINS_ONLY = 'Only an admin of this organisation can change its templates.';

export function rolesInOrg(caller: Caller, orgId: string): Role[] {
  const membership = caller.orgs.find((m) => m.orgId === orgId);
  if (!membership) throw new AppError('not_found', 'No such organisation among yours.');
  return membership.roles;
}

export function requireOrgAdmin(caller: Caller, orgId: string, message: string): void {
  if (!rolesInOrg(caller, orgId).includes('admin')) throw new AppError('forbidden', message);
}
