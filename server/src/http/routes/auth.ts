import type { LoginResponse, MeResponse } from '@cofacture/shared';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Directory } from '../../services/Directory.ts';
import type { Tokens } from '../../services/tokens.ts';
import type { Authenticate } from '../authenticate.ts';
import { parseInput } from '../validate.ts';

const required = {
  error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : 'must be text'),
};

const LoginBody = z.object({
  email: z.string(required).trim().min(1, 'is required').max(254),
  password: z.string(required).min(1, 'is required').max(1024),
  totp: z.string().max(16).optional(),
});

export function authRoutes(
  app: FastifyInstance,
  deps: { directory: Directory; tokens: Tokens; authenticate: Authenticate },
) {
  app.post('/api/auth/login', async (request): Promise<LoginResponse> => {
    const body = parseInput(LoginBody, request.body, 'sign-in request');
    const user = await deps.directory.authenticate(body.email, body.password);
    return { token: deps.tokens.sign(user.id), user };
  });

  app.get('/api/me', async (request): Promise<MeResponse> => deps.authenticate(request));
}
