import { WORKFLOW_ACTIONS } from '@cofacture/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Webhook, WebhookDelivery, WebhookService } from '../../services/webhooks/WebhookService.ts';
import type { Authenticate } from '../authenticate.ts';
import { parseInput } from '../validate.ts';
import { requireOrgAdmin } from './templates.ts';

const OrgParams = z.object({ orgId: z.string().min(1).max(64) });
const HookParams = OrgParams.extend({ id: z.string().min(1).max(64) });
const CreateBody = z.object({
  url: z
    .string({ error: 'is required' })
    .trim()
    .max(2000)
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
      } catch {
        return false;
      }
    }, 'must be an http:// or https:// URL'),
  events: z
    .array(z.enum(WORKFLOW_ACTIONS, { error: `must be one of ${WORKFLOW_ACTIONS.join(', ')}` }))
    .min(1, 'name at least one action, or leave events out for all')
    .optional(),
});
const DeliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

const ADMINS_ONLY = 'Only an admin of this organisation can manage its webhooks.';

/** Webhooks and their delivery log are for the organisation's admins only. */
export function webhookRoutes(
  app: FastifyInstance,
  deps: { authenticate: Authenticate; webhooks: WebhookService },
) {
  app.get('/api/orgs/:orgId/webhooks', async (request): Promise<{ webhooks: Webhook[] }> => {
    const { orgId } = parseInput(OrgParams, request.params, 'organisation');
    requireOrgAdmin(deps.authenticate(request), orgId, ADMINS_ONLY);
    return { webhooks: deps.webhooks.list(orgId) };
  });

  app.post(
    '/api/orgs/:orgId/webhooks',
    async (request, reply): Promise<{ webhook: Webhook; secret: string }> => {
      const { orgId } = parseInput(OrgParams, request.params, 'organisation');
      const caller = deps.authenticate(request);
      requireOrgAdmin(caller, orgId, ADMINS_ONLY);
      const body = parseInput(CreateBody, request.body, 'webhook');
      reply.status(201);
      return deps.webhooks.create(orgId, caller.user.id, body);
    },
  );

  app.delete('/api/orgs/:orgId/webhooks/:id', async (request, reply) => {
    const { orgId, id } = parseInput(HookParams, request.params, 'webhook');
    requireOrgAdmin(deps.authenticate(request), orgId, ADMINS_ONLY);
    deps.webhooks.remove(orgId, id);
    return reply.status(204).send();
  });

  app.get(
    '/api/orgs/:orgId/webhooks/:id/deliveries',
    async (request): Promise<{ deliveries: WebhookDelivery[] }> => {
      const { orgId, id } = parseInput(HookParams, request.params, 'webhook');
      requireOrgAdmin(deps.authenticate(request), orgId, ADMINS_ONLY);
      const { limit } = parseInput(DeliveriesQuery, request.query, 'deliveries query');
      return { deliveries: deps.webhooks.deliveries(orgId, id, limit) };
    },
  );
}
