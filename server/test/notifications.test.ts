import type {
  InvoiceSummary,
  Notification,
  NotificationListResponse,
  NotificationPreferences,
  ServerMessage,
} from '@cofacture/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from './support/api.ts';
import { connect, waitFor } from './support/collabClient.ts';
import { COMPLETE } from './support/fixtures.ts';
import { addDemoUser, createInState, startTestApp, type TestApp } from './support/startTestApp.ts';

const PEOPLE = ['admin', 'alice', 'bob', 'carol', 'cathy', 'dave', 'erin', 'vera', 'pat', 'rita'] as const;
type Who = (typeof PEOPLE)[number];

let app: TestApp;
const t = {} as Record<Who, string>;
const ids = {} as Record<Who, string>;

beforeAll(async () => {
  app = await startTestApp();
  await addDemoUser(app, 'vera@demo.test', 'Vera Both', ['verifier', 'approver']);
  await addDemoUser(app, 'pat@demo.test', 'Pat Both', ['preparer', 'approver']);
  await addDemoUser(app, 'rita@demo.test', 'Rita Counter', ['verifier']);
  for (const who of PEOPLE) {
    t[who] = await login(app.url, `${who}@demo.test`);
    ids[who] = app.services.directory.userIdByEmail(`${who}@demo.test`) as string;
  }
});
afterAll(() => app.close());

async function act(id: string, action: string, who: Who, body: Record<string, string> = {}) {
  const res = await api<{ invoice: InvoiceSummary }>(app.url, `/api/invoices/${id}/actions/${action}`, {
    method: 'POST',
    token: t[who],
    body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function inbox(who: Who, query = ''): Promise<NotificationListResponse> {
  const res = await api<NotificationListResponse>(app.url, `/api/notifications${query}`, { token: t[who] });
  expect(res.status).toBe(200);
  return res.body;
}

/** Who holds a notification of `kind` about `invoiceId`, among everyone. */
async function recipients(invoiceId: string, kind: string): Promise<Who[]> {
  const out: Who[] = [];
  for (const who of PEOPLE) {
    const { notifications } = await inbox(who, '?limit=200');
    if (notifications.some((n) => n.invoiceId === invoiceId && n.kind === kind)) out.push(who);
  }
  return out.sort();
}

async function only(invoiceId: string, kind: string, who: Who): Promise<Notification> {
  const found = (await inbox(who, '?limit=200')).notifications.filter(
    (n) => n.invoiceId === invoiceId && n.kind === kind,
  );
  expect(found).toHaveLength(1);
  return found[0] as Notification;
}

describe('who hears of what', () => {
  it('submitted → verifiers; verified → approvers; final approval → preparer and issuers; issued and paid → preparer and verifier', async () => {
    const id = await createInState(app, COMPLETE);
    await act(id, 'submit', 'alice');
    expect(await recipients(id, 'submitted')).toEqual(['bob', 'rita', 'vera']);
    const submitted = await only(id, 'submitted', 'bob');
    expect(submitted).toMatchObject({
      invoiceLabel: 'ACME SARL',
      actorName: 'Alice Martin',
      read: false,
      message: 'Alice Martin submitted the invoice for ACME SARL for your review.',
    });

    await act(id, 'verify', 'vera');
    // Vera is an approver too, but she verified: she is told nothing.
    expect(await recipients(id, 'verified')).toEqual(['carol', 'cathy', 'pat']);

    await act(id, 'approve', 'carol');
    expect(await recipients(id, 'approved')).toEqual(['admin', 'alice', 'cathy', 'pat', 'vera']);

    const issued = await act(id, 'issue', 'cathy');
    expect(await recipients(id, 'issued')).toEqual(['alice', 'vera']);
    const number = issued.invoice.number as string;
    expect(await only(id, 'issued', 'alice')).toMatchObject({
      invoiceLabel: number,
      message: `Cathy Leroy issued invoice ${number} (ACME SARL).`,
    });

    await act(id, 'mark-paid', 'carol', { paymentDate: '2026-12-20', paymentMethod: 'transfer' });
    expect(await recipients(id, 'paid')).toEqual(['alice', 'vera']);
  });

  it('verified skips an approver who prepared the invoice; an intermediate approval tells nobody', async () => {
    const id = await createInState(app, {
      ...COMPLETE,
      lines: [{ description: 'Big job', quantity: '1', unitPrice: '20000', vatRate: '20' }],
    });
    await act(id, 'submit', 'pat');
    await act(id, 'verify', 'bob');
    expect(await recipients(id, 'verified')).toEqual(['carol', 'cathy', 'vera']);
    await act(id, 'approve', 'carol');
    expect(await recipients(id, 'approved')).toEqual([]);
    await act(id, 'approve', 'cathy');
    expect(await recipients(id, 'approved')).toEqual(['admin', 'carol', 'pat', 'vera']);
  });

  it('changes requested and rejected reach the preparer with the reason', async () => {
    const id = await createInState(app, COMPLETE);
    await act(id, 'submit', 'alice');
    await act(id, 'request-changes', 'bob', { reason: 'Buyer VAT number is wrong' });
    expect(await recipients(id, 'changes_requested')).toEqual(['alice']);
    expect((await only(id, 'changes_requested', 'alice')).message).toBe(
      'Bob Durand requested changes on the invoice for ACME SARL: “Buyer VAT number is wrong”.',
    );
    await act(id, 'submit', 'alice');
    await act(id, 'verify', 'bob');
    await act(id, 'reject', 'carol', { reason: 'Price too low' });
    expect(await recipients(id, 'rejected')).toEqual(['alice']);
    expect((await only(id, 'rejected', 'alice')).message).toMatch(/Carol Petit rejected .*“Price too low”/);
  });

  it('a mention reaches the mentioned member only, with its thread; never oneself or an outsider', async () => {
    const id = await createInState(app, COMPLETE);
    const mention = (toUserId: string) =>
      app.services.notifications.notifyMention({
        invoiceId: id,
        toUserId,
        by: { id: ids.alice, name: 'Alice Martin' },
        threadId: 'thread-1',
        excerpt: '@Bob could you   check\nthe quantity?',
      });
    expect(mention(ids.bob)).toMatchObject({ kind: 'mentioned', threadId: 'thread-1' });
    expect(mention(ids.alice)).toBeNull();
    const outsider = await app.services.directory.createUser({
      email: 'out@elsewhere.test',
      name: 'Out Sider',
      password: 'cofacture-demo',
    });
    expect(mention(outsider.id)).toBeNull();
    expect(await recipients(id, 'mentioned')).toEqual(['bob']);
    expect(await only(id, 'mentioned', 'bob')).toMatchObject({
      threadId: 'thread-1',
      actorName: 'Alice Martin',
      message:
        'Alice Martin mentioned you on the invoice for ACME SARL: “@Bob could you check the quantity?”.',
    });
  });
});

describe('preferences', () => {
  it('a kind switched off is neither stored nor sent; bad preferences are refused', async () => {
    const url = '/api/me/notification-preferences';
    const initial = await api<NotificationPreferences>(app.url, url, { token: t.rita });
    expect(initial.body).toMatchObject({ submitted: true, mentioned: true });
    const off = await api<NotificationPreferences>(app.url, url, {
      method: 'PUT',
      token: t.rita,
      body: { submitted: false },
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ submitted: false, verified: true });
    for (const body of [{ bogus: true }, { submitted: 'no' }, ['submitted']]) {
      const bad = await api<{ error: { message: string } }>(app.url, url, {
        method: 'PUT',
        token: t.rita,
        body,
      });
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }

    const events = await openEvents(t.rita);
    const id = await createInState(app, COMPLETE);
    await act(id, 'submit', 'alice');
    expect(await recipients(id, 'submitted')).toEqual(['bob', 'vera']);
    // Bob's stream proves the notification went out; Rita's must have stayed silent.
    const bobEvents = await openEvents(t.bob);
    const second = await createInState(app, COMPLETE);
    await act(second, 'submit', 'alice');
    await bobEvents.next((n) => n.invoiceId === second);
    expect(events.notifications).toEqual([]);
    events.close();
    bobEvents.close();

    await api(app.url, url, { method: 'PUT', token: t.rita, body: { submitted: true } });
    expect((await api<NotificationPreferences>(app.url, url, { token: t.rita })).body.submitted).toBe(true);
  });
});

describe('read and unread', () => {
  it('counts unread, marks one or all read, and only one’s own', async () => {
    await api(app.url, '/api/notifications/read-all', { method: 'POST', token: t.rita });
    expect((await inbox('rita')).unread).toBe(0);
    for (let i = 0; i < 3; i++) await act(await createInState(app, COMPLETE), 'submit', 'alice');
    const all = await inbox('rita', '?unread=1');
    expect(all.unread).toBe(3);
    expect(all.notifications).toHaveLength(3);
    expect(all.notifications.every((n) => !n.read)).toBe(true);

    const [newest] = all.notifications;
    const notMine = await api(app.url, `/api/notifications/${newest?.id}/read`, {
      method: 'POST',
      token: t.bob,
    });
    expect(notMine.status).toBe(404);
    const marked = await api<{ notification: Notification; unread: number }>(
      app.url,
      `/api/notifications/${newest?.id}/read`,
      { method: 'POST', token: t.rita },
    );
    expect(marked.body).toMatchObject({ notification: { id: newest?.id, read: true }, unread: 2 });
    expect((await inbox('rita', '?unread=1')).notifications.map((n) => n.id)).not.toContain(newest?.id);
    const limited = await inbox('rita', '?limit=1');
    expect(limited.notifications).toHaveLength(1);
    expect(limited.unread).toBe(2);
    expect((await inbox('rita')).notifications[0]).toMatchObject({ id: newest?.id, read: true });

    const all2 = await api<{ marked: number; unread: number }>(app.url, '/api/notifications/read-all', {
      method: 'POST',
      token: t.rita,
    });
    expect(all2.body).toEqual({ marked: 2, unread: 0 });
    expect((await api(app.url, '/api/notifications?limit=0', { token: t.rita })).status).toBe(400);
    expect((await api(app.url, '/api/notifications')).status).toBe(401);
  });
});

describe('live delivery', () => {
  it('over SSE: event notification to that user only', async () => {
    const bob = await openEvents(t.bob);
    const carol = await openEvents(t.carol);
    const id = await createInState(app, COMPLETE);
    await act(id, 'submit', 'alice');
    const got = await bob.next((n) => n.invoiceId === id);
    expect(got).toMatchObject({ kind: 'submitted', invoiceId: id, read: false });
    expect(got).toEqual(await only(id, 'submitted', 'bob'));
    // Carol's first notification is the one meant for her, not Bob's.
    await act(id, 'verify', 'bob');
    expect(await carol.next(() => true)).toMatchObject({ kind: 'verified', invoiceId: id });
    expect(carol.notifications.map((n) => n.kind)).toEqual(['verified']);
    bob.close();
    carol.close();
  });

  it('over the WebSocket: notify to every open connection of that user, on any invoice', async () => {
    const other = await createInState(app, COMPLETE);
    const third = await createInState(app, COMPLETE);
    const bobA = await connect(app.wsUrl, other, t.bob);
    const bobB = await connect(app.wsUrl, third, t.bob);
    const alice = await connect(app.wsUrl, other, t.alice);
    const id = await createInState(app, COMPLETE);
    await act(id, 'submit', 'alice');
    const isIt = (m: ServerMessage) => m.type === 'notify' && m.invoiceId === id;
    await waitFor(() => bobA.messages.some(isIt) && bobB.messages.some(isIt), 'notify on both connections');
    const message = bobA.messages.find(isIt);
    expect(message).toMatchObject({
      type: 'notify',
      kind: 'submitted',
      invoiceId: id,
      message: 'Alice Martin submitted the invoice for ACME SARL for your review.',
      notification: { kind: 'submitted', invoiceId: id, read: false },
    });
    expect(alice.messages.some((m) => m.type === 'notify')).toBe(false);
    for (const client of [bobA, bobB, alice]) client.destroy();
  });
});

/** A real event-stream reader: fetch with a streaming body, parsed as EventSource does. */
async function openEvents(token: string) {
  const controller = new AbortController();
  const response = await fetch(`${app.url}/api/events?token=${encodeURIComponent(token)}`, {
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const notifications: Notification[] = [];
  void (async () => {
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const event = block.find((l) => l.startsWith('event: '))?.slice(7);
          const data = block.find((l) => l.startsWith('data: '))?.slice(6);
          if (event === 'notification' && data) notifications.push(JSON.parse(data) as Notification);
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    notifications,
    async next(match: (n: Notification) => boolean): Promise<Notification> {
      await waitFor(() => notifications.some(match), 'a notification event');
      return notifications.find(match) as Notification;
    },
    close: () => controller.abort(),
  };
}
