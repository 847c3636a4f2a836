import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeResponse } from '@cofacture/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../src/app.ts';
import { configFromEnv } from '../src/config.ts';
import type { Webhook, WebhookDelivery, WebhookPayload } from '../src/services/webhooks/WebhookService.ts';
import { api, login } from './support/api.ts';
import { eventually, waitFor } from './support/collabClient.ts';
import { COMPLETE } from './support/fixtures.ts';
import { REPO_ROOT } from './support/spawnServer.ts';
import { createInState, startTestApp, TEST_JWT_SECRET, type TestApp } from './support/startTestApp.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver: answers each request with the next planned status (then 200), or holds it. */
async function startReceiver() {
  const requests: Received[] = [];
  const plan: number[] = [];
  let holding = false;
  const held: (() => void)[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      requests.push({ headers: request.headers, body });
      const answer = () =>
        response.writeHead(plan.shift() ?? 200, { 'content-type': 'text/plain' }).end('ok');
      if (holding) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/cofacture`,
    requests,
    plan,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const answer of held.splice(0)) answer();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function expectSigned(received: Received, secret: string): WebhookPayload {
  const expected = `sha256=${createHmac('sha256', secret).update(received.body).digest('hex')}`;
  expect(received.headers['x-cofacture-signature']).toBe(expected);
  const payload = JSON.parse(received.body) as WebhookPayload;
  expect(received.headers['x-cofacture-event']).toBe(payload.event);
  expect(received.headers['x-cofacture-delivery']).toBe(payload.id);
  expect(received.headers['content-type']).toBe('application/json');
  return payload;
}

let app: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const t: Record<string, string> = {};
let orgId: string;

beforeAll(async () => {
  app = await startTestApp({ WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: '3' });
  receiver = await startReceiver();
  // Oscar is an admin, but of another organisation.
  const other = app.services.directory.createOrg('Other Org');
  const oscar = await app.services.directory.createUser({
    email: 'oscar@demo.test',
    name: 'Oscar Other',
    password: 'cofacture-demo',
  });
  app.services.directory.setRoles(other.id, oscar.id, ['admin']);
  for (const who of ['admin', 'alice', 'bob', 'oscar']) t[who] = await login(app.url, `${who}@demo.test`);
  orgId = (await api<MeResponse>(app.url, '/api/me', { token: t.admin })).body.orgs[0]?.orgId as string;
});
afterAll(async () => {
  await app.close();
  await receiver.close();
});

async function act(base: string, id: string, action: string, token: string | undefined) {
  const res = await api<{ invoice: { status: string } }>(base, `/api/invoices/${id}/actions/${action}`, {
    method: 'POST',
    token,
    body: {},
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function createHook(body: unknown, base = app.url, org = orgId, token = t.admin) {
  return api<{ webhook: Webhook; secret: string; error: { message: string } }>(
    base,
    `/api/orgs/${org}/webhooks`,
    {
      method: 'POST',
      token,
      body,
    },
  );
}

async function deliveries(hookId: string, token = t.admin, base = app.url) {
  return api<{ deliveries: WebhookDelivery[] }>(base, `/api/orgs/${orgId}/webhooks/${hookId}/deliveries`, {
    token,
  });
}

async function removeHook(id: string) {
  expect(
    (await api(app.url, `/api/orgs/${orgId}/webhooks/${id}`, { method: 'DELETE', token: t.admin })).status,
  ).toBe(204);
}

describe('managing webhooks', () => {
  it('admins create (secret shown once), list and delete; others may not; input is validated', async () => {
    const created = await createHook({ url: receiver.url, events: ['issue', 'mark-paid'] });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(created.body.webhook).toMatchObject({ url: receiver.url, events: ['issue', 'mark-paid'], orgId });
    const listed = await api<{ webhooks: Webhook[] }>(app.url, `/api/orgs/${orgId}/webhooks`, {
      token: t.admin,
    });
    expect(listed.body.webhooks).toEqual([created.body.webhook]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);

    expect((await api(app.url, `/api/orgs/${orgId}/webhooks`, { token: t.alice })).status).toBe(403);
    expect((await createHook({ url: receiver.url }, app.url, orgId, t.alice)).status).toBe(403);
    expect((await api(app.url, `/api/orgs/${orgId}/webhooks`, { token: t.oscar })).status).toBe(404);
    for (const [body, message] of [
      [{ url: 'ftp://example.test/x' }, /http:\/\/ or https:\/\//],
      [{ url: 'not a url' }, /http:\/\/ or https:\/\//],
      [{}, /url: is required/],
      [{ url: receiver.url, events: ['teleport'] }, /must be one of submit/],
      [{ url: receiver.url, events: [] }, /at least one action/],
    ] as const) {
      const bad = await createHook(body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.message).toMatch(message);
    }

    await removeHook(created.body.webhook.id);
    const again = await api(app.url, `/api/orgs/${orgId}/webhooks/${created.body.webhook.id}`, {
      method: 'DELETE',
      token: t.admin,
    });
    expect(again.status).toBe(404);
  });
});

describe('deliveries', () => {
  it('posts a signed payload without making the action wait, only for the chosen events', async () => {
    const { body } = await createHook({ url: receiver.url, events: ['submit'] });
    const id = await createInState(app, COMPLETE);
    const before = receiver.requests.length;
    // The receiver holds its answer: the action's response must not wait for it.
    receiver.hold();
    await act(app.url, id, 'submit', t.alice);
    await waitFor(() => receiver.requests.length > before, 'the delivery');
    receiver.release();
    const received = receiver.requests[before] as Received;
    const payload = expectSigned(received, body.secret);
    expect(payload).toMatchObject({
      event: 'submit',
      invoice: { id, status: 'in_review', buyerName: 'ACME SARL', orgId },
      actor: { name: 'Alice Martin' },
    });
    expect(payload.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(received.headers['x-cofacture-event']).toBe('submit');

    const log = await eventually(async () => {
      const res = await deliveries(body.webhook.id);
      return res.body.deliveries[0]?.status === 'delivered' ? res.body.deliveries : null;
    }, 'delivered');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ id: payload.id, event: 'submit', nextAttemptAt: null, payload });
    expect(log[0]?.attempts).toEqual([
      { attempt: 1, at: expect.any(String), statusCode: 200, error: null, durationMs: expect.any(Number) },
    ]);

    // verify is not among this hook's events.
    await act(app.url, id, 'verify', t.bob);
    expect((await deliveries(body.webhook.id)).body.deliveries).toHaveLength(1);
    await removeHook(body.webhook.id);
  });

  it('retries after a 500 with the same delivery id, logging each attempt; the log is for admins only', async () => {
    const { body } = await createHook({ url: receiver.url, events: ['request-changes'] });
    const id = await createInState(app, COMPLETE);
    await act(app.url, id, 'submit', t.alice);
    const before = receiver.requests.length;
    receiver.plan.push(500);
    const res = await api(app.url, `/api/invoices/${id}/actions/request-changes`, {
      method: 'POST',
      token: t.bob,
      body: { reason: 'Wrong VAT number' },
    });
    expect(res.status).toBe(200);
    const log = await eventually(async () => {
      const list = (await deliveries(body.webhook.id)).body.deliveries;
      return list[0]?.status === 'delivered' ? list : null;
    }, 'delivered after a retry');
    expect(log[0]?.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(log[0]?.payload).toMatchObject({ event: 'request-changes', reason: 'Wrong VAT number' });
    const [first, second] = receiver.requests.slice(before);
    expect(receiver.requests.length - before).toBe(2);
    expect(expectSigned(first as Received, body.secret)).toEqual(
      expectSigned(second as Received, body.secret),
    );
    expect(first?.body).toBe(second?.body);

    expect((await deliveries(body.webhook.id, t.alice)).status).toBe(403);
    expect((await deliveries(body.webhook.id, t.oscar)).status).toBe(404);
    expect((await deliveries('no-such-hook')).status).toBe(404);
    await removeHook(body.webhook.id);
  });

  it('network errors are retried with backoff, then the delivery fails after the last attempt', async () => {
    const closed = await startReceiver();
    await closed.close();
    const { body } = await createHook({ url: closed.url, events: ['submit'] });
    const id = await createInState(app, COMPLETE);
    await act(app.url, id, 'submit', t.alice);
    const log = await eventually(async () => {
      const list = (await deliveries(body.webhook.id)).body.deliveries;
      return list[0]?.status === 'failed' ? list : null;
    }, 'failed after 3 attempts');
    const attempts = log[0]?.attempts ?? [];
    expect(attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, null],
      [2, null],
      [3, null],
    ]);
    expect(attempts.every((a) => /ECONNREFUSED/.test(a.error ?? ''))).toBe(true);
    // Backoff: 50 ms, then 100 ms.
    const gaps = attempts.slice(1).map((a, i) => Date.parse(a.at) - Date.parse(attempts[i]?.at ?? ''));
    expect(gaps[0]).toBeGreaterThanOrEqual(45);
    expect(gaps[1]).toBeGreaterThanOrEqual(95);
    await removeHook(body.webhook.id);
  });
});

describe('durability', () => {
  it('a delivery interrupted by a shutdown is sent after the restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cofacture-test-'));
    const start = () =>
      startApp(
        configFromEnv(
          {
            PORT: '0',
            DATA_DIR: dataDir,
            JWT_SECRET: TEST_JWT_SECRET,
            LOG_LEVEL: 'silent',
            WEBHOOK_RETRY_BASE_MS: '50',
          },
          REPO_ROOT,
        ),
      );
    const own = await startReceiver();
    const first = await start();
    const admin = await login(first.url, 'admin@demo.test');
    const org = (await api<MeResponse>(first.url, '/api/me', { token: admin })).body.orgs[0]?.orgId as string;
    const { body } = await createHook({ url: own.url }, first.url, org, admin);
    const alice = await login(first.url, 'alice@demo.test');
    const created = await api<{ id: string }>(first.url, '/api/invoices', {
      method: 'POST',
      token: alice,
      body: { invoice: COMPLETE },
    });
    own.hold();
    await act(first.url, created.body.id, 'submit', alice);
    await waitFor(() => own.requests.length === 1, 'the first try');
    await first.close();
    own.release();

    const second = await start();
    try {
      await waitFor(() => own.requests.length === 2, 'the delivery after the restart');
      expect(own.requests[1]?.headers['x-cofacture-delivery']).toBe(
        own.requests[0]?.headers['x-cofacture-delivery'],
      );
      expectSigned(own.requests[1] as Received, body.secret);
      const log = await eventually(async () => {
        const res = await api<{ deliveries: WebhookDelivery[] }>(
          second.url,
          `/api/orgs/${org}/webhooks/${body.webhook.id}/deliveries`,
          { token: admin },
        );
        return res.body.deliveries[0]?.status === 'delivered' ? res.body.deliveries : null;
      }, 'delivered');
      // The interrupted request is not counted against the receiver.
      expect(log[0]?.attempts.map((a) => a.statusCode)).toEqual([200]);
    } finally {
      await second.close();
      await own.close();
    }
  });
});
