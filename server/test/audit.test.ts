import { createHash } from 'node:crypto';
import {
  addThread,
  docName,
  type InvoiceInit,
  insertLine,
  invoiceMap,
  readInvoice,
  richText,
  setLineField,
  setPartyField,
} from '@cofacture/shared';
import type {
  AuditEntry,
  DiffResponse,
  HistoryResponse,
  StateResponse,
} from '@cofacture/shared/audit/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { DEMO_INVOICES } from '../src/seed/demoData.ts';
import { api, login } from './support/api.ts';
import { connect, type TestClient, waitFor } from './support/collabClient.ts';
import { addDemoUser, createInState, startTestApp, type TestApp } from './support/startTestApp.ts';

let app: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const idOf = (who: string) => ids[who] as string;
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startTestApp();
  await addDemoUser(app, 'paul@demo.test', 'Paul Preparer', ['preparer']);
  for (const who of ['alice', 'paul', 'admin', 'dave', 'erin', 'bob']) {
    tokens[who] = await login(app.url, `${who}@demo.test`);
    ids[who] = app.services.directory.userIdByEmail(`${who}@demo.test`) as string;
  }
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await app.close();
});

const BASE: InvoiceInit = {
  buyer: { name: 'ACME' },
  lines: [
    { id: 'l1', description: 'Design', quantity: '1', unitPrice: '100', vatRate: '20' },
    { id: 'l2', description: 'Print', quantity: '5', unitPrice: '2', vatRate: '20' },
    { id: 'l3', description: 'Consulting', quantity: '2', unitPrice: '300', vatRate: '20' },
  ],
  notes: 'Thanks',
};

async function open(id: string, who: string): Promise<TestClient> {
  const client = await connect(app.wsUrl, id, tokens[who] as string);
  clients.push(client);
  return client;
}

/** One keystroke = one update = one log row, as a browser sends them. */
async function type(client: TestClient, text: Y.Text, at: number, chars: string): Promise<void> {
  for (const [i, char] of [...chars].entries()) {
    client.doc.transact(() => text.insert(at + i, char), 'typing');
    await client.settled();
  }
}

function buyerName(doc: Y.Doc): Y.Text {
  return (invoiceMap(doc).get('buyer') as Y.Map<unknown>).get('name') as Y.Text;
}

/** Closes every typing group as if its author had stopped long ago. */
function settleGroups(id: string): void {
  app.services.audit.projector.project(docName(id), { now: Date.now() + 3_600_000 });
}

async function history(id: string, query = '', who = 'dave'): Promise<HistoryResponse> {
  const response = await api<HistoryResponse>(app.url, `/api/invoices/${id}/history${query}`, {
    token: tokens[who],
  });
  expect(response.status).toBe(200);
  return response.body;
}

const summaries = (entries: AuditEntry[]) => entries.map((e) => e.summary);

describe('change entries', () => {
  it('groups keystrokes per person and field, numbers lines, counts rich-text characters', async () => {
    const id = await createInState(app, BASE);
    const alice = await open(id, 'alice');
    await type(alice, buyerName(alice.doc), 4, ' SAS');
    setLineField(alice.doc, 'l3', 'quantity', '3', 'alice');
    insertLine(alice.doc, 3, {}, 'alice');
    const notes = richText(alice.doc, 'notes') as Y.XmlText;
    const paragraph = notes.toDelta()[0].insert as Y.XmlText;
    await type(alice, paragraph as unknown as Y.Text, 7, ' a lot');
    await alice.settled();

    // Alice may still be typing in the notes: that group is pending, everything before it final.
    const live = await history(id);
    expect(live.pending.map((e) => [e.summary, e.final])).toEqual([['notes edited (+6 −0 chars)', false]]);

    // A projector that lost its memory rebuilds the same entries from the watermark.
    app.services.audit.projector.forget(docName(id));
    settleGroups(id);
    const { entries, pending, head } = await history(id);
    expect(pending).toEqual([]);
    expect(summaries(entries)).toEqual([
      'invoice created',
      'buyer.name: "ACME" → "ACME SAS"',
      'line 3 (Consulting) quantity 2 → 3',
      'line inserted at 4',
      'notes edited (+6 −0 chars)',
    ]);
    const name = entries[1] as AuditEntry;
    expect(name).toMatchObject({
      kind: 'edit',
      path: 'buyer.name',
      userId: ids.alice,
      userName: 'Alice Martin',
    });
    expect(name.seqTo - name.seqFrom).toBe(3); // four keystrokes, four rows, one entry
    expect(entries.map((e) => e.id)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[4]?.seqTo).toBe(head);
  });

  it('projects what the last client wrote once the document unloads, without anyone asking', async () => {
    const id = await createInState(app, BASE);
    const alice = await open(id, 'alice');
    for (let i = 0; i < 60; i++) setLineField(alice.doc, 'l1', 'quantity', String(i + 2), 'alice');
    await alice.settled();
    alice.destroy();
    const name = docName(id);
    await waitFor(() => !app.hocuspocus.documents.has(name), 'document unloaded', 20_000);
    const head = app.services.store.lastSeq(name);
    const watermark = app.services.db.prepare<[string], { seq: number }>(
      'SELECT seq FROM audit_watermarks WHERE doc = ?',
    );
    // Projected in slices on timers after the unload, not in one blocking pass inside it.
    await waitFor(() => (watermark.get(name)?.seq ?? 0) >= head, 'projected to the head', 20_000);
    const { entries, pending } = await history(id);
    expect(pending).toEqual([]);
    expect(entries).toHaveLength(61); // the creation, then one entry per quantity change
    expect(entries.at(-1)?.summary).toBe('line 1 (Design) quantity 60 → 61');
  });

  it('records lock, comment, workflow and rejected-edit events, each by its authenticated user', async () => {
    const complete = DEMO_INVOICES[0] as InvoiceInit;
    const id = await createInState(app, { ...complete, buyer: { ...complete.buyer, name: 'ACME' } });
    const alice = await open(id, 'alice');
    const paul = await open(id, 'paul');
    alice.send({ type: 'lock.acquire', path: 'buyer.name' });
    await waitFor(() => paul.doc.getMap('locks').has('buyer.name'), 'lock visible');
    setPartyField(paul.doc, 'buyer', 'name', 'MALLORY', 'paul'); // refused: locked by Alice
    await paul.settled();
    await waitFor(() => readInvoice(paul.doc).buyer.name === 'ACME', 'compensated');
    paul.doc.transact(() => invoiceMap(paul.doc).set('status', 'paid'), 'paul'); // refused: server-owned
    await paul.settled();
    alice.send({ type: 'lock.release', path: 'buyer.name' });
    await waitFor(() => !paul.doc.getMap('locks').has('buyer.name'), 'lock released');
    addThread(
      alice.doc,
      {
        anchor: { type: 'field', path: 'buyer.vatId' },
        author: { id: idOf('alice'), name: 'Alice' },
        text: 'VAT id?',
      },
      'alice',
    );
    await alice.settled();
    const submitted = await api(app.url, `/api/invoices/${id}/actions/submit`, {
      method: 'POST',
      token: tokens.alice,
      body: {},
    });
    expect(submitted.status).toBe(200);
    await waitFor(() => readInvoice(alice.doc).status === 'in_review', 'status synced');

    settleGroups(id);
    const { entries } = await history(id);
    const rows = entries.map((e) => [e.kind, e.userId, e.summary]);
    expect(rows).toEqual([
      ['create', ids.alice, 'invoice created'],
      ['lock', ids.alice, 'lock taken on buyer.name by Alice Martin'],
      [
        'rejected',
        ids.paul,
        'rejected: buyer.name: "ACME" → "MALLORY" — buyer.name is locked by Alice Martin.',
      ],
      [
        'rejected',
        ids.paul,
        'rejected: status: draft → paid — Only the server sets the status, number and kind of an invoice.',
      ],
      ['lock', ids.alice, 'lock on buyer.name released (was held by Alice Martin)'],
      ['comment', ids.alice, 'comment on buyer.vatId added: "VAT id?"'],
      ['workflow', ids.alice, 'status: draft → in_review'],
    ]);
    // The rejected entry spans the refused row and the guard's compensation right after it.
    const [rejected] = entries.filter((e) => e.kind === 'rejected');
    expect(rejected?.seqTo).toBe((rejected?.seqFrom ?? 0) + 1);
    const guardRow = app.services.store.updates(docName(id), rejected?.seqFrom, rejected?.seqTo)[0];
    expect(guardRow?.userId).toBe('guard');
  });
});

describe('attribution', () => {
  it('goes to the authenticated user, whatever Yjs client id or author the client claims', async () => {
    const id = await createInState(app, BASE);
    const alice = await open(id, 'alice');
    const paul = await open(id, 'paul');
    paul.doc.clientID = alice.doc.clientID; // Paul's items now carry Alice's client id
    setPartyField(paul.doc, 'buyer', 'name', 'ACME (by Paul)', 'paul');
    addThread(
      paul.doc,
      {
        anchor: { type: 'invoice' },
        author: { id: idOf('alice'), name: 'Alice Martin' },
        text: 'Approved by Alice',
      },
      'paul',
    );
    await paul.settled();
    settleGroups(id);
    const { entries } = await history(id);
    const forged = entries.filter((e) => e.kind !== 'create');
    expect(forged.map((e) => [e.userId, e.userName])).toEqual([
      [idOf('paul'), 'Paul Preparer'],
      [idOf('paul'), 'Paul Preparer'],
    ]);
    expect(forged[0]?.summary).toBe('buyer.name: "ACME" → "ACME (by Paul)"');
    // The guard may also refuse a thread started in someone else's name; either way it is Paul's.
    expect(forged[1]?.summary).toContain('comment added: "Approved by Alice"');
    const rows = app.services.store.updates(docName(id), 1);
    expect(new Set(rows.map((r) => r.userId)).has(idOf('alice'))).toBe(false);
  });
});

describe('the history API', () => {
  let id: string;
  let all: AuditEntry[];

  beforeAll(async () => {
    id = await createInState(app, BASE);
    const alice = await open(id, 'alice');
    const admin = await open(id, 'admin');
    setLineField(alice.doc, 'l1', 'quantity', '2', 'alice');
    await alice.settled();
    setLineField(admin.doc, 'l2', 'unitPrice', '2.50', 'admin');
    await admin.settled();
    alice.send({ type: 'lock.acquire', path: 'lines.l1' });
    await waitFor(() => admin.doc.getMap('locks').has('lines.l1'), 'lock');
    setLineField(alice.doc, 'l1', 'vatRate', '10', 'alice');
    await alice.settled();
    alice.send({ type: 'lock.release', path: 'lines.l1' });
    await waitFor(() => !admin.doc.getMap('locks').has('lines.l1'), 'unlock');
    settleGroups(id);
    all = (await history(id)).entries;
    expect(summaries(all)).toEqual([
      'invoice created',
      'line 1 (Design) quantity 1 → 2',
      'line 2 (Print) unitPrice 2 → 2.50',
      'lock taken on lines.l1 by Alice Martin',
      'line 1 (Design) vatRate 20 → 10',
      'lock on lines.l1 released (was held by Alice Martin)',
    ]);
  });

  it('pages forwards and backwards with a cursor', async () => {
    const seen: AuditEntry[] = [];
    let query = '?limit=2';
    for (;;) {
      const page = await history(id, query);
      seen.push(...page.entries);
      if (page.next === null) break;
      query = `?limit=2&after=${page.next}`;
    }
    expect(seen).toEqual(all);
    const newest = await history(id, '?limit=2&order=desc');
    expect(newest.entries.map((e) => e.id)).toEqual([6, 5]);
    expect((await history(id, `?limit=10&order=desc&after=${newest.next}`)).entries.map((e) => e.id)).toEqual(
      [4, 3, 2, 1],
    );
  });

  it('filters by user, path, kind and time', async () => {
    expect(summaries((await history(id, `?user=${idOf('admin')}`)).entries)).toEqual([
      'line 2 (Print) unitPrice 2 → 2.50',
    ]);
    expect(summaries((await history(id, '?path=lines.l1')).entries)).toEqual([
      'line 1 (Design) quantity 1 → 2',
      'line 1 (Design) vatRate 20 → 10',
    ]);
    expect((await history(id, '?path=locks.lines.l1')).entries).toHaveLength(2);
    expect((await history(id, '?kind=lock,create')).entries.map((e) => e.kind)).toEqual([
      'create',
      'lock',
      'lock',
    ]);
    const third = all[2] as AuditEntry;
    const from = (await history(id, `?from=${encodeURIComponent(third.atFrom)}`)).entries;
    expect(from[0]?.id).toBeLessThanOrEqual(3);
    expect(from.at(-1)?.id).toBe(6);
    const until = (await history(id, `?to=${Date.parse(third.atFrom) - 1}`)).entries;
    expect(until.every((e) => Date.parse(e.atFrom) < Date.parse(third.atFrom))).toBe(true);
    for (const bad of ['?kind=nope', '?limit=0', '?from=yesterday', '?after=-1']) {
      const response = await api(app.url, `/api/invoices/${id}/history${bad}`, { token: tokens.dave });
      expect(response.status, bad).toBe(400);
    }
  });

  it('answers the state at any seq and field-level diffs between two', async () => {
    const created = await api<StateResponse>(app.url, `/api/invoices/${id}/state?at=1`, {
      token: tokens.dave,
    });
    expect(created.status).toBe(200);
    expect(created.body.invoice.lines.map((l) => l.quantity)).toEqual(['1', '5', '2']);
    expect(created.body).toMatchObject({ seq: 1, locks: {}, comments: {} });
    const locked = all[3] as AuditEntry;
    const during = await api<StateResponse>(app.url, `/api/invoices/${id}/state?at=${locked.seqTo}`, {
      token: tokens.dave,
    });
    expect(Object.keys(during.body.locks)).toEqual(['lines.l1']);
    const now = await api<StateResponse>(app.url, `/api/invoices/${id}/state`, { token: tokens.dave });
    expect(now.body.seq).toBe(now.body.head);
    expect(now.body.invoice.lines.map((l) => [l.quantity, l.unitPrice, l.vatRate])).toEqual([
      ['2', '100', '10'],
      ['5', '2.50', '20'],
      ['2', '300', '20'],
    ]);
    const diff = await api<DiffResponse>(app.url, `/api/invoices/${id}/diff?from=1&to=${now.body.head}`, {
      token: tokens.dave,
    });
    expect(diff.body.changes.map((c) => c.summary)).toEqual([
      'line 1 (Design) quantity 1 → 2',
      'line 1 (Design) vatRate 20 → 10',
      'line 2 (Print) unitPrice 2 → 2.50',
    ]);
    for (const bad of [`at=${now.body.head + 1}`, 'at=-1', 'at=x']) {
      const response = await api(app.url, `/api/invoices/${id}/state?${bad}`, { token: tokens.dave });
      expect(response.status, bad).toBe(400);
    }
  });

  it('lets every member read history, state and diff; verify and export are for auditors and admins', async () => {
    for (const path of ['history', 'state', 'diff?from=0']) {
      const response = await api(app.url, `/api/invoices/${id}/${path}`, { token: tokens.erin });
      expect(response.status, path).toBe(200);
    }
    for (const path of ['verify', 'export']) {
      for (const who of ['erin', 'alice', 'bob']) {
        const response = await api(app.url, `/api/invoices/${id}/${path}`, { token: tokens[who] });
        expect(response.status, `${who} ${path}`).toBe(403);
      }
    }
    const verified = await api(app.url, `/api/invoices/${id}/verify`, { token: tokens.dave });
    expect(verified.body).toMatchObject({ ok: true, doc: docName(id), firstBad: null });
    const orgId = app.services.directory.memberships(idOf('admin'))[0]?.orgId as string;
    const org = await api<{ ok: boolean; documents: number }>(app.url, `/api/orgs/${orgId}/verify`, {
      token: tokens.admin,
    });
    expect(org.status).toBe(200);
    expect(org.body.ok).toBe(true);
    expect(org.body.documents).toBeGreaterThan(3);
    expect((await api(app.url, `/api/orgs/${orgId}/verify`, { token: tokens.erin })).status).toBe(403);

    // Someone from another organisation learns nothing, not even that the invoice exists.
    const other = app.services.directory.createOrg('Other SARL');
    const outsider = await app.services.directory.createUser({
      email: 'oscar@other.test',
      name: 'Oscar',
      password: 'cofacture-demo',
    });
    app.services.directory.setRoles(other.id, outsider.id, ['auditor']);
    const token = await login(app.url, 'oscar@other.test');
    for (const path of ['history', 'state', 'diff', 'verify', 'export']) {
      expect((await api(app.url, `/api/invoices/${id}/${path}`, { token })).status, path).toBe(404);
    }
    expect((await api(app.url, `/api/orgs/${orgId}/verify`, { token })).status).toBe(404);
  });
  it('exports the chain and the entries, and the chain re-checks with nothing but sha256', async () => {
    const response = await fetch(`${app.url}/api/invoices/${id}/export?format=json`, {
      headers: { authorization: `Bearer ${tokens.dave}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`invoice-${id}-audit.json`);
    const exported = (await response.json()) as {
      doc: string;
      verification: { ok: boolean; head: { seq: number; hash: string } };
      rows: { seq: number; at: number; userId: string; prevHash: string; hash: string; update: string }[];
      entries: AuditEntry[];
    };
    expect(exported.entries.map((e) => e.summary)).toEqual(summaries(all));
    // An outside party's check, following docs/architecture.md "Audit" only.
    let prev = '0'.repeat(64);
    for (const [i, row] of exported.rows.entries()) {
      expect(row.seq).toBe(i + 1);
      expect(row.prevHash).toBe(prev);
      const head = Buffer.from(
        `${row.prevHash}\n${row.seq}\n${exported.doc}\n${row.userId}\n${row.at}\n`,
        'utf8',
      );
      const hash = createHash('sha256')
        .update(Buffer.concat([head, Buffer.from(row.update, 'base64')]))
        .digest('hex');
      expect(hash, `row ${row.seq}`).toBe(row.hash);
      prev = hash;
    }
    expect(exported.verification).toMatchObject({ ok: true, head: { hash: prev } });

    const csv = await fetch(`${app.url}/api/invoices/${id}/export?format=csv`, {
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'record,seq,seq_to,at_ms,at,user_id,user_name,kind,path,summary,reason,prev_hash,hash,update_base64',
    );
    expect(lines.filter((l) => l.startsWith('update,'))).toHaveLength(exported.rows.length);
    expect(lines.filter((l) => l.startsWith('entry,'))).toHaveLength(all.length);
    expect(lines.at(-1)).toContain(
      ',lock,locks.lines.l1,lock on lines.l1 released (was held by Alice Martin),',
    );
  });
});
