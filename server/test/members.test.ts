import { type MeResponse, readInvoice, setPartyField } from '@cofacture/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from './support/api.ts';
import { connect, waitFor } from './support/collabClient.ts';
import { createInState, startTestApp, type TestApp } from './support/startTestApp.ts';

interface MemberBody {
  userId: string;
  email: string;
  name: string;
  roles: string[];
}

let app: TestApp;
let admin: string;
let orgId: string;
let base: string;

beforeAll(async () => {
  app = await startTestApp();
  admin = await login(app.url, 'admin@demo.test');
  const me = await api<MeResponse>(app.url, '/api/me', { token: admin });
  orgId = me.body.orgs[0]?.orgId as string;
  base = `/api/orgs/${orgId}/members`;
});
afterAll(() => app.close());

const members = async (token = admin) =>
  (await api<{ members: MemberBody[] }>(app.url, base, { token })).body.members;

describe('members and roles', () => {
  it('lists members with roles to any member', async () => {
    const viewer = await login(app.url, 'erin@demo.test');
    const list = await members(viewer);
    expect(list.map((m) => m.email)).toContain('bob@demo.test');
    expect(list.find((m) => m.email === 'carol@demo.test')?.roles).toEqual(['approver']);
  });

  it('lets an admin add a new user with roles, who can then sign in', async () => {
    const res = await api<{ member: MemberBody }>(app.url, base, {
      method: 'POST',
      token: admin,
      body: {
        email: 'fanny@demo.test',
        name: 'Fanny Roux',
        password: 'a-good-password',
        roles: ['preparer', 'verifier'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({ email: 'fanny@demo.test', roles: ['preparer', 'verifier'] });
    const token = await login(app.url, 'fanny@demo.test', 'a-good-password');
    const me = await api<MeResponse>(app.url, '/api/me', { token });
    expect(me.body.orgs[0]?.roles).toEqual(['preparer', 'verifier']);
  });

  it('validates input and refuses duplicates with clear errors', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ email: 'x@demo.test', roles: ['preparer'] }, 400, /name and an initial password/],
      [{ email: 'not-an-email', roles: ['preparer'] }, 400, /email/],
      [{ email: 'y@demo.test', name: 'Y', password: 'short', roles: ['preparer'] }, 400, /10 characters/],
      [{ email: 'y@demo.test', name: 'Y', password: 'long-enough-1', roles: [] }, 400, /at least one role/],
      [{ email: 'y@demo.test', name: 'Y', password: 'long-enough-1', roles: ['boss'] }, 400, /roles/],
      [{ email: 'bob@demo.test', roles: ['approver'] }, 409, /already a member/],
    ];
    for (const [body, status, message] of cases) {
      const res = await api<{ error: { message: string } }>(app.url, base, {
        method: 'POST',
        token: admin,
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('refuses non-admins with 403', async () => {
    const alice = await login(app.url, 'alice@demo.test');
    const bob = (await members()).find((m) => m.email === 'bob@demo.test') as MemberBody;
    const res = await api(app.url, `${base}/${bob.userId}`, {
      method: 'PATCH',
      token: alice,
      body: { roles: ['admin'] },
    });
    expect(res.status).toBe(403);
    expect((await api(app.url, `${base}/${bob.userId}`, { method: 'DELETE', token: alice })).status).toBe(
      403,
    );
  });

  it('never leaves the organisation without an admin', async () => {
    const me = (await members()).find((m) => m.email === 'admin@demo.test') as MemberBody;
    const demote = await api<{ error: { code: string } }>(app.url, `${base}/${me.userId}`, {
      method: 'PATCH',
      token: admin,
      body: { roles: ['viewer'] },
    });
    expect(demote.status).toBe(409);
    const remove = await api(app.url, `${base}/${me.userId}`, { method: 'DELETE', token: admin });
    expect(remove.status).toBe(409);
    expect((await members()).find((m) => m.userId === me.userId)?.roles).toEqual(['admin']);
  });

  it('a role change applies to open connections at once; a removed member is disconnected', async () => {
    const id = await createInState(app, { buyer: { name: 'Live Rights' } });
    const bobToken = await login(app.url, 'bob@demo.test');
    const bob = await connect(app.wsUrl, id, bobToken);
    const bobMember = (await members()).find((m) => m.email === 'bob@demo.test') as MemberBody;
    // A verifier cannot edit a draft...
    setPartyField(bob.doc, 'buyer', 'name', 'Bob 1', 'bob');
    await bob.settled();
    await waitFor(() => readInvoice(bob.doc).buyer.name === 'Live Rights', 'refused as verifier');
    // ...but once made preparer, he can, on the same connection.
    await api(app.url, `${base}/${bobMember.userId}`, {
      method: 'PATCH',
      token: admin,
      body: { roles: ['preparer'] },
    });
    setPartyField(bob.doc, 'buyer', 'name', 'Bob 2', 'bob');
    await bob.settled();
    const reader = await connect(app.wsUrl, id, admin);
    expect(readInvoice(reader.doc).buyer.name).toBe('Bob 2');

    const removed = await api(app.url, `${base}/${bobMember.userId}`, { method: 'DELETE', token: admin });
    expect(removed.status).toBe(204);
    setPartyField(bob.doc, 'buyer', 'name', 'Bob 3', 'bob');
    await new Promise((r) => setTimeout(r, 300));
    expect(readInvoice(reader.doc).buyer.name).toBe('Bob 2');
    expect(await api(app.url, '/api/invoices', { token: bobToken }).then((r) => r.body)).toEqual({
      invoices: [],
    });
    bob.destroy();
    reader.destroy();
  });
});
