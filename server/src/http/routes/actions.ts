import { type InvoiceSummary, WORKFLOW_ACTIONS } from '@cofacture/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../services/errors.ts';
import type { InvoiceIndex } from '../../services/InvoiceIndex.ts';
import type { WorkflowService } from '../../services/workflow/WorkflowService.ts';
import type { Authenticate } from '../authenticate.ts';
import { parseInput } from '../validate.ts';
import { visibleInvoice } from './invoices.ts';

const Params = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an invoice id'),
  action: z.enum(WORKFLOW_ACTIONS, { error: `must be one of ${WORKFLOW_ACTIONS.join(', ')}` }),
});
const Body = z.object({
  reason: z.string().trim().max(4000).optional(),
  paymentDate: z.iso.date().optional(),
  paymentMethod: z.string().trim().min(1).max(100).optional(),
});
const OrgParams = z.object({ orgId: z.string().min(1).max(64) });
const SettingsBody = z.object({
  approvalLevels: z.unknown().optional(),
  numberFormat: z.string().max(64).optional(),
});

export function actionRoutes(
  app: FastifyInstance,
  deps: { authenticate: Authenticate; index: InvoiceIndex; workflow: WorkflowService },
) {
  app.post('/api/invoices/:id/actions/:action', async (request) => {
    const caller = deps.authenticate(request);
    const { id, action } = parseInput(Params, request.params, 'action');
    const body = parseInput(Body, request.body, `${action} request`);
    const summary: InvoiceSummary = visibleInvoice(caller, deps.index, id);
    const roles = caller.orgs.find((m) => m.orgId === summary.orgId)?.roles ?? [];
    if (action === 'mark-paid' && (!body.paymentDate || !body.paymentMethod)) {
      throw new AppError('bad_request', 'Marking as paid needs paymentDate (YYYY-MM-DD) and paymentMethod.');
    }
    return deps.workflow.perform(id, action, { userId: caller.user.id, name: caller.user.name, roles }, body);
  });

  app.get('/api/invoices/:id/actions', async (request) => {
    const caller = deps.authenticate(request);
    const { id } = parseInput(Params.pick({ id: true }), request.params, 'invoice id');
    const summary = visibleInvoice(caller, deps.index, id);
    const roles = caller.orgs.find((m) => m.orgId === summary.orgId)?.roles ?? [];
    return {
      actions: await deps.workflow.available(id, { userId: caller.user.id, name: caller.user.name, roles }),
    };
  });

  app.get('/api/orgs/:orgId/settings', async (request) => {
    const caller = deps.authenticate(request);
    const { orgId } = parseInput(OrgParams, request.params, 'organisation');
    if (!caller.orgs.some((m) => m.orgId === orgId))
      throw new AppError('not_found', 'No such organisation among yours.');
    return deps.workflow.settings(orgId);
  });

  app.put('/api/orgs/:orgId/settings', async (request) => {
    const caller = deps.authenticate(request);
    const { orgId } = parseInput(OrgParams, request.params, 'organisation');
    const membership = caller.orgs.find((m) => m.orgId === orgId);
    if (!membership) throw new AppError('not_found', 'No such organisation among yours.');
    if (!membership.roles.includes('admin'))
      throw new AppError('forbidden', 'Only an admin can change approval levels and numbering.');
    return deps.workflow.updateSettings(orgId, parseInput(SettingsBody, request.body, 'settings'));
  });
}
