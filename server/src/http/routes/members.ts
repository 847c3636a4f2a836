import { ROLES, type Role } from '@cofacture/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Member } from '../../services/Directory.ts';
import { AppError } from '../../services/errors.ts';
import type { MemberService } from '../../services/MemberService.ts';
import type { Authenticate, Caller } from '../authenticate.ts';
import { parseInput } from '../validate.ts';

const OrgParams = z.object({ orgId: z.string().min(1).max(64) });
const MemberParams = OrgParams.extend({ userId: z.string().min(1).max(64) });
const Roles = z.array(z.enum(ROLES)).min(1, 'give at least one role').max(ROLES.length);
const AddBody = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(10, 'must be at least 10 characters').max(1024).optional(),
  roles: Roles,
});
const RolesBody = z.object({ roles: Roles });

/** Any member may see who is in the organisation (for mentions); only admins change it. */
export function memberRoutes(
  app: FastifyInstance,
  deps: { authenticate: Authenticate; members: MemberService },
) {
  app.get('/api/orgs/:orgId/members', async (request): Promise<{ members: Member[] }> => {
    const { orgId } = parseInput(OrgParams, request.params, 'organisation');
    rolesIn(deps.authenticate(request), orgId);
    return { members: deps.members.list(orgId) };
  });

  app.post('/api/orgs/:orgId/members', async (request, reply): Promise<{ member: Member }> => {
    const { orgId } = parseInput(OrgParams, request.params, 'organisation');
    requireAdmin(deps.authenticate(request), orgId);
    const body = parseInput(AddBody, request.body, 'new member');
    reply.status(201);
    return { member: await deps.members.add(orgId, body) };
  });

  app.patch('/api/orgs/:orgId/members/:userId', async (request): Promise<{ member: Member }> => {
    const { orgId, userId } = parseInput(MemberParams, request.params, 'member');
    requireAdmin(deps.authenticate(request), orgId);
    const { roles } = parseInput(RolesBody, request.body, 'roles');
    return { member: deps.members.setRoles(orgId, userId, roles) };
  });

  app.delete('/api/orgs/:orgId/members/:userId', async (request, reply) => {
    const { orgId, userId } = parseInput(MemberParams, request.params, 'member');
    requireAdmin(deps.authenticate(request), orgId);
    deps.members.remove(orgId, userId);
    return reply.status(204).send();
  });
}

function rolesIn(caller: Caller, orgId: string): Role[] {
  const membership = caller.orgs.find((m) => m.orgId === orgId);
  if (!membership) throw new AppError('not_found', 'No such organisation among yours.');
  return membership.roles;
}

function requireAdmin(caller: Caller, orgId: string): void {
  if (!rolesIn(caller, orgId).includes('admin'))
    throw new AppError('forbidden', 'Only an admin of this organisation can change its members.');
}
