import { EventEmitter } from 'node:events';
import type { Role } from '@cofacture/shared';
import type { Db } from '../db/openDatabase.ts';
import type { Directory, Member } from './Directory.ts';
import { AppError } from './errors.ts';

export interface MembershipChange {
  orgId: string;
  userId: string;
  /** null when the user left the organisation. */
  roles: Role[] | null;
}

/**
 * Members and roles of an organisation, managed by its admins. Every change keeps at least
 * one admin, and is announced so live connections pick up the new rights at once.
 */
export class MemberService {
  private readonly emitter = new EventEmitter();

  constructor(
    private readonly db: Db,
    private readonly directory: Directory,
  ) {}

  onChange(listener: (change: MembershipChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  list(orgId: string): Member[] {
    return this.directory.members(orgId);
  }

  async add(
    orgId: string,
    input: { email: string; name?: string; password?: string; roles: Role[] },
  ): Promise<Member> {
    let userId = this.directory.userIdByEmail(input.email);
    if (userId && this.directory.rolesIn(orgId, userId)) {
      throw new AppError('conflict', `${input.email} is already a member; change their roles instead.`);
    }
    if (!userId) {
      if (!input.name || !input.password) {
        throw new AppError(
          'bad_request',
          `No account for ${input.email} yet: give a name and an initial password to create it.`,
        );
      }
      userId = (
        await this.directory.createUser({ email: input.email, name: input.name, password: input.password })
      ).id;
    }
    this.directory.setRoles(orgId, userId, input.roles);
    this.emit({ orgId, userId, roles: input.roles });
    return this.require(orgId, userId);
  }

  setRoles(orgId: string, userId: string, roles: Role[]): Member {
    this.db.transaction(() => {
      this.require(orgId, userId);
      this.directory.setRoles(orgId, userId, roles);
      this.assertAnAdminRemains(
        orgId,
        'That would leave the organisation without an admin; make someone else admin first.',
      );
    })();
    this.emit({ orgId, userId, roles });
    return this.require(orgId, userId);
  }

  remove(orgId: string, userId: string): void {
    this.db.transaction(() => {
      this.require(orgId, userId);
      this.directory.removeMembership(orgId, userId);
      this.assertAnAdminRemains(orgId, 'The last admin cannot be removed; make someone else admin first.');
    })();
    this.emit({ orgId, userId, roles: null });
  }

  private require(orgId: string, userId: string): Member {
    const member = this.directory.members(orgId).find((m) => m.userId === userId);
    if (!member) throw new AppError('not_found', 'No such member in this organisation.');
    return member;
  }

  /** Throwing inside the transaction rolls the change back. */
  private assertAnAdminRemains(orgId: string, message: string): void {
    if (!this.directory.members(orgId).some((m) => m.roles.includes('admin')))
      throw new AppError('conflict', message);
  }

  private emit(change: MembershipChange): void {
    this.emitter.emit('change', change);
  }
}
