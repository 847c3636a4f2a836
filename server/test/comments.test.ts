import {
  addThread,
  commentsMap,
  deleteMessage,
  editMessage,
  type MeResponse,
  readInvoice,
  readThreads,
  replyToThread,
  setPartyField,
  setResolved,
} from '@cofacture/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { api, login } from './support/api.ts';
import { connect, type TestClient, waitFor } from './support/collabClient.ts';
import { createInState, startTestApp, type TestApp } from './support/startTestApp.ts';

let app: TestApp;
const who: Record<string, { token: string; id: string; name: string }> = {};
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['alice', 'bob', 'dave', 'erin', 'admin']) {
    const token = await login(app.url, `${name}@demo.test`);
    const me = (await api<MeResponse>(app.url, '/api/me', { token })).body.user;
    who[name] = { token, id: me.id, name: me.name };
  }
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await app.close();
});

async function open(id: string, name: string) {
  const client = await connect(app.wsUrl, id, who[name]?.token as string);
  clients.push(client);
  return client;
}
const author = (name: string) => ({ id: who[name]?.id as string, name: who[name]?.name as string });
async function settle(...all: TestClient[]) {
  await Promise.all(all.map((c) => c.settled()));
  await new Promise((r) => setTimeout(r, 100));
}

describe('comment rights against the real server', () => {
  it('an auditor reads every thread and may comment; a viewer reads but cannot', async () => {
    const id = await createInState(app, { buyer: { name: 'ACME' } });
    const alice = await open(id, 'alice');
    addThread(
      alice.doc,
      { anchor: { type: 'field', path: 'buyer.vatId' }, author: author('alice'), text: 'VAT id?' },
      null,
    );
    await settle(alice);
    const dave = await open(id, 'dave');
    const erin = await open(id, 'erin');
    expect(readThreads(dave.doc).map((t) => t.messages[0]?.text)).toEqual(['VAT id?']);
    expect(readThreads(erin.doc)).toHaveLength(1);

    addThread(dave.doc, { anchor: { type: 'invoice' }, author: author('dave'), text: 'Audit note' }, null);
    await settle(dave);
    addThread(erin.doc, { anchor: { type: 'invoice' }, author: author('erin'), text: 'Viewer note' }, null);
    await new Promise((r) => setTimeout(r, 300));
    const fresh = await open(id, 'bob');
    expect(
      readThreads(fresh.doc)
        .map((t) => t.messages[0]?.text)
        .sort(),
    ).toEqual(['Audit note', 'VAT id?']);
    // The auditor's connection still refuses content edits.
    setPartyField(dave.doc, 'buyer', 'name', 'Auditor edit', null);
    await settle(dave);
    await waitFor(() => readInvoice(dave.doc).buyer.name === 'ACME', 'auditor edit reverted');
  });

  it('on an issued invoice a comment is accepted while a content edit is reverted', async () => {
    const id = await createInState(app, {
      buyer: { name: 'Frozen SA' },
      status: 'issued',
      number: '2026-000900',
    });
    const bob = await open(id, 'bob');
    bob.doc.transact(() => {
      addThread(bob.doc, { anchor: { type: 'invoice' }, author: author('bob'), text: 'Paid late?' }, null);
      setPartyField(bob.doc, 'buyer', 'name', 'Not frozen', null);
    });
    await settle(bob);
    const reader = await open(id, 'alice');
    await waitFor(() => readInvoice(bob.doc).buyer.name === 'Frozen SA', 'content reverted');
    expect(readInvoice(reader.doc).buyer.name).toBe('Frozen SA');
    expect(readThreads(reader.doc).map((t) => t.messages[0]?.text)).toEqual(['Paid late?']);
  });

  it("nobody writes in someone else's name, edits someone else's words, or rewrites a thread", async () => {
    const id = await createInState(app, {});
    const alice = await open(id, 'alice');
    const bob = await open(id, 'bob');
    const thread = addThread(
      alice.doc,
      { anchor: { type: 'invoice' }, author: author('alice'), text: 'Original' },
      null,
    );
    await settle(alice, bob);
    await waitFor(() => readThreads(bob.doc).length === 1, 'thread arrives');
    const original = readThreads(bob.doc)[0]?.messages[0]?.id as string;

    addThread(bob.doc, { anchor: { type: 'invoice' }, author: author('alice'), text: 'Forged thread' }, null);
    replyToThread(bob.doc, thread, { author: author('alice'), text: 'Forged reply' }, null);
    editMessage(bob.doc, thread, original, 'Tampered', null);
    bob.doc.transact(() =>
      (commentsMap(bob.doc).get(thread) as Y.Map<unknown>).set('anchor', { type: 'line', lineId: 'x' }),
    );
    await settle(alice, bob);
    for (const c of [alice, bob, await open(id, 'admin')]) {
      await waitFor(
        () => readThreads(c.doc).length === 1 && readThreads(c.doc)[0]?.messages.length === 1,
        'reverted',
      );
      expect(readThreads(c.doc)[0]).toMatchObject({
        anchor: { type: 'invoice' },
        messages: [{ text: 'Original', authorId: who.alice?.id }],
      });
    }
    expect(bob.messages.filter((m) => m.type === 'edit.rejected').length).toBeGreaterThanOrEqual(1);
  });

  it('replies, edits and deletes of your own messages, and resolve / reopen by anyone who comments', async () => {
    const id = await createInState(app, {});
    const alice = await open(id, 'alice');
    const bob = await open(id, 'bob');
    const thread = addThread(
      alice.doc,
      { anchor: { type: 'line', lineId: 'l1' }, author: author('alice'), text: 'Qty?' },
      null,
    );
    await settle(alice);
    await waitFor(() => readThreads(bob.doc).length === 1, 'thread arrives');
    const reply = replyToThread(
      bob.doc,
      thread,
      { author: author('bob'), text: 'Fixd', mentions: [who.alice?.id as string] },
      null,
    );
    editMessage(bob.doc, thread, reply, 'Fixed', null);
    setResolved(bob.doc, thread, true, null);
    await settle(bob);
    const reader = await open(id, 'admin');
    expect(readThreads(reader.doc)[0]).toMatchObject({
      resolved: true,
      messages: [{ text: 'Qty?' }, { text: 'Fixed', mentions: [who.alice?.id] }],
    });
    setResolved(alice.doc, thread, false, null);
    deleteMessage(bob.doc, thread, reply, { id: who.bob?.id as string }, null);
    await settle(alice, bob);
    await waitFor(
      () =>
        readThreads(reader.doc)[0]?.messages.length === 1 && readThreads(reader.doc)[0]?.resolved === false,
      'reopened, deleted',
    );
  });

  it('a mention notifies the mentioned person once, with a link to the thread; an edit does not notify again', async () => {
    const id = await createInState(app, { buyer: { name: 'Mention SA' } });
    const bob = await open(id, 'bob');
    const thread = addThread(
      bob.doc,
      { anchor: { type: 'field', path: 'buyer.name' }, author: author('bob'), text: 'Check this' },
      null,
    );
    const reply = replyToThread(
      bob.doc,
      thread,
      {
        author: author('bob'),
        text: '@Alice Martin please fix',
        mentions: [who.alice?.id as string, who.bob?.id as string],
      },
      null,
    );
    await settle(bob);
    editMessage(bob.doc, thread, reply, '@Alice Martin please fix the name', null);
    await settle(bob);
    type Listed = {
      notifications: {
        kind: string;
        threadId?: string;
        invoiceId: string;
        actorName: string;
        message: string;
      }[];
    };
    const forAlice = (
      await api<Listed>(app.url, '/api/notifications', { token: who.alice?.token })
    ).body.notifications.filter((n) => n.kind === 'mentioned' && n.invoiceId === id);
    expect(forAlice).toHaveLength(1);
    expect(forAlice[0]).toMatchObject({ threadId: thread, actorName: 'Bob Durand' });
    const forBob = (await api<Listed>(app.url, '/api/notifications', { token: who.bob?.token })).body
      .notifications;
    expect(forBob.filter((n) => n.kind === 'mentioned' && n.invoiceId === id)).toEqual([]);
  });

  it("an admin may delete anyone's message, which shows as deleted; others may not delete a thread", async () => {
    const id = await createInState(app, {});
    const alice = await open(id, 'alice');
    const admin = await open(id, 'admin');
    const bob = await open(id, 'bob');
    const thread = addThread(
      alice.doc,
      { anchor: { type: 'invoice' }, author: author('alice'), text: 'Rude words' },
      null,
    );
    await settle(alice);
    await waitFor(
      () => readThreads(admin.doc).length === 1 && readThreads(bob.doc).length === 1,
      'thread arrives',
    );
    const message = readThreads(admin.doc)[0]?.messages[0]?.id as string;
    deleteMessage(bob.doc, thread, message, { id: who.bob?.id as string }, null);
    await settle(bob);
    await waitFor(() => readThreads(bob.doc)[0]?.messages[0]?.text === 'Rude words', 'bob refused');
    bob.doc.transact(() => commentsMap(bob.doc).delete(thread));
    await settle(bob);
    await waitFor(() => readThreads(bob.doc)[0]?.messages[0]?.text === 'Rude words', 'bob refused');
    deleteMessage(admin.doc, thread, message, { id: who.admin?.id as string }, null);
    await settle(admin);
    await waitFor(() => readThreads(alice.doc)[0]?.messages[0]?.deletedBy === who.admin?.id, 'tombstone');
    expect(readThreads(alice.doc)[0]?.messages[0]).toMatchObject({ text: '', authorId: who.alice?.id });
  });
});
