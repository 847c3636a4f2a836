import { randomUUID } from 'node:crypto';
import { isRole, type Membership, type PublicUser, type Role } from '@cofacture/shared';
import type { Db } from '../db/openDatabase.ts';
import { AppError } from './errors.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords.ts';

const SQL = {
  userByEmail: 'SELECT id, email, name, password_hash AS passwordHash FROM users WHERE email = ?',
  userById: 'SELECT id, email, name FROM users WHERE id = ?',
  insertUser: 'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  insertOrg: 'INSERT INTO orgs (id, name, created_at) VALUES (?, ?, ?)',
  upsertMembership:
    'INSERT INTO memberships (org_id, user_id, roles) VALUES (?, ?, ?) ON CONFLICT (org_id, user_id) DO UPDATE SET roles = excluded.roles',
  memberships:
    'SELECT m.org_id AS orgId, o.name AS orgName, m.roles AS roles FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.user_id = ? ORDER BY o.name',
  membership: 'SELECT roles FROM memberships WHERE org_id = ? AND user_id = ?',
  userCount: 'SELECT COUNT(*) AS n FROM users',
  members:
    'SELECT u.id AS userId, u.email AS email, u.name AS name, m.roles AS roles FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = ? ORDER BY u.name',
  removeMembership: 'DELETE FROM memberships WHERE org_id = ? AND user_id = ?',
  userIdByEmail: 'SELECT id FROM users WHERE email = ?',
} as const;

export interface Member {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
}

function parseRoles(json: string): Role[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter(isRole) : [];
}

/** Users, organisations and memberships. */
export class Directory {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      userByEmail: db.prepare<[string], PublicUser & { passwordHash: string }>(SQL.userByEmail),
      userById: db.prepare<[string], PublicUser>(SQL.userById),
      insertUser: db.prepare(SQL.insertUser),
      insertOrg: db.prepare(SQL.insertOrg),
      upsertMembership: db.prepare(SQL.upsertMembership),
      memberships: db.prepare<[string], { orgId: string; orgName: string; roles: string }>(SQL.memberships),
      membership: db.prepare<[string, string], { roles: string }>(SQL.membership),
      userCount: db.prepare<[], { n: number }>(SQL.userCount),
      members: db.prepare<[string], Omit<Member, 'roles'> & { roles: string }>(SQL.members),
      removeMembership: db.prepare(SQL.removeMembership),
      userIdByEmail: db.prepare<[string], { id: string }>(SQL.userIdByEmail),
    };
  }

  async createUser(input: { email: string; name: string; password: string }): Promise<PublicUser> {
    const user = { id: randomUUID(), email: input.email.trim().toLowerCase(), name: input.name.trim() };
    const hash = await hashPassword(input.password);
    try {
      this.stmt.insertUser.run(user.id, user.email, user.name, hash, new Date().toISOString());
    } catch (error) {
      if (String(error).includes('UNIQUE'))
        throw new AppError('conflict', `A user with email ${user.email} already exists.`);
      throw error;
    }
    return user;
  }

  createOrg(name: string): { id: string; name: string } {
    const org = { id: randomUUID(), name };
    this.stmt.insertOrg.run(org.id, org.name, new Date().toISOString());
    return org;
  }

  setRoles(orgId: string, userId: string, roles: readonly Role[]): void {
    this.stmt.upsertMembership.run(orgId, userId, JSON.stringify([...new Set(roles)]));
  }

  /** Same error, and about the same time, for an unknown email and a wrong password. */
  async authenticate(email: string, password: string): Promise<PublicUser> {
    const row = this.stmt.userByEmail.get(email.trim().toLowerCase());
    const ok = await verifyPassword(password, row?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!row || !ok) throw new AppError('invalid_credentials', 'Email or password is incorrect.');
    return { id: row.id, email: row.email, name: row.name };
  }

  user(userId: string): PublicUser | null {
    return this.stmt.userById.get(userId) ?? null;
  }

  memberships(userId: string): Membership[] {
    return this.stmt.memberships.all(userId).map((m) => ({ ...m, roles: parseRoles(m.roles) }));
  }

  rolesIn(orgId: string, userId: string): Role[] | null {
    const row = this.stmt.membership.get(orgId, userId);
    return row ? parseRoles(row.roles) : null;
  }

  members(orgId: string): Member[] {
    return this.stmt.members.all(orgId).map((m) => ({ ...m, roles: parseRoles(m.roles) }));
  }

  removeMembership(orgId: string, userId: string): void {
    this.stmt.removeMembership.run(orgId, userId);
  }

  userIdByEmail(email: string): string | null {
    return this.stmt.userIdByEmail.get(email.trim().toLowerCase())?.id ?? null;
  }

  isEmpty(): boolean {
    return (this.stmt.userCount.get()?.n ?? 0) === 0;
  }
}
