import type { Membership, PublicUser } from '@cofacture/shared';
import type { FastifyRequest } from 'fastify';
import type { Directory } from '../services/Directory.ts';
import { AppError } from '../services/errors.ts';
import type { Tokens } from '../services/tokens.ts';

export interface Caller {
  user: PublicUser;
  orgs: Membership[];
}

export type Authenticate = (request: FastifyRequest) => Caller;

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

export function makeAuthenticate(tokens: Tokens, directory: Directory): Authenticate {
  return (request) => callerFromToken(bearerToken(request), tokens, directory);
}

export function callerFromToken(token: string | null, tokens: Tokens, directory: Directory): Caller {
  if (!token) throw new AppError('unauthorized', 'Sign in first: send Authorization: Bearer <token>.');
  const user = directory.user(tokens.verify(token).sub);
  if (!user) throw new AppError('unauthorized', 'This account no longer exists.');
  return { user, orgs: directory.memberships(user.id) };
}
