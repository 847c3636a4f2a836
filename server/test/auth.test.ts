import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from './support/api.ts';
import { startTestApp, type TestApp } from './support/startTestApp.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('POST /api/auth/login', () => {
  it('answers a token and the user for good credentials', async () => {
    const res = await api<{ token: string; user: { email: string; name: string } }>(
      app.url,
      '/api/auth/login',
      {
        method: 'POST',
        body: { email: 'Alice@Demo.test', password: 'cofacture-demo' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'alice@demo.test', name: 'Alice Martin' });
    expect(res.body.token.split('.')).toHaveLength(3);
  });

  it('refuses a wrong password and an unknown user with the same 401 and message', async () => {
    const wrong = await api(app.url, '/api/auth/login', {
      method: 'POST',
      body: { email: 'alice@demo.test', password: 'nope' },
    });
    const unknown = await api(app.url, '/api/auth/login', {
      method: 'POST',
      body: { email: 'nobody@demo.test', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({
      error: { code: 'invalid_credentials', message: 'Email or password is incorrect.' },
    });
  });

  it('answers 400 invalid_json for malformed JSON', async () => {
    const res = await api(app.url, '/api/auth/login', {
      method: 'POST',
      rawBody: '{"email": "alice@demo.test",',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('answers 400 naming each missing field', async () => {
    const res = await api<{ error: { code: string; message: string } }>(app.url, '/api/auth/login', {
      method: 'POST',
      body: { email: 'alice@demo.test' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toContain('password: is required');
  });

  it('refuses an oversized body with 413', async () => {
    const res = await api(app.url, '/api/auth/login', {
      method: 'POST',
      body: { email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});

describe('GET /api/me', () => {
  it('answers the user with orgs and roles', async () => {
    const token = await login(app.url, 'bob@demo.test');
    const res = await api<{ user: { email: string }; orgs: { orgName: string; roles: string[] }[] }>(
      app.url,
      '/api/me',
      { token },
    );
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe('bob@demo.test');
    expect(res.body.orgs).toEqual([
      expect.objectContaining({ orgName: 'Atelier Lumen SAS', roles: ['verifier'] }),
    ]);
  });

  it.each([
    ['no token', undefined],
    ['a garbage token', 'garbage'],
    ['a token signed with another secret', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
  ])('refuses %s with 401', async (_name, token) => {
    const res = await api(app.url, '/api/me', { token });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthorized' } });
  });
});
