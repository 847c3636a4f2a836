import {
  addThread,
  canEdit,
  docName,
  INVOICE_STATUSES,
  type InvoiceStatus,
  insertLine,
  invoiceMap,
  isReadOnlyRoleSet,
  lineDescription,
  lineMaps,
  locksMap,
  type MeResponse,
  partyText,
  type Role,
  readInvoice,
  readThreads,
  richText,
  setHeaderField,
  setLineField,
} from '@cofacture/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { api, login } from './support/api.ts';
import { connect, type TestClient } from './support/collabClient.ts';
import { createInState, startTestApp, type TestApp } from './support/startTestApp.ts';

/**
 * Every role × every editable path family × every workflow state, against the real server: a
 * real connection of a user holding that role makes the edit, and the server's own document
 * says whether it stood. The expectation comes from the shared rights table plus read-only
 * connections; the table itself is checked by hand-written cases in shared/src/rights.test.ts.
 */
const USERS: Record<Role, string> = {
  admin: 'admin@demo.test',
  preparer: 'alice@demo.test',
  verifier: 'bob@demo.test',
  approver: 'carol@demo.test',
  auditor: 'dave@demo.test',
  viewer: 'erin@demo.test',
};

interface Family {
  name: string;
  path: string;
  edit(doc: Y.Doc, tag: string): void;
  landed(server: Y.Doc, tag: string): boolean;
}

const CURRENCY: Record<Role, string> = {
  admin: 'AAA',
  preparer: 'PPP',
  verifier: 'VVV',
  approver: 'RRR',
  auditor: 'DDD',
  viewer: 'WWW',
};
const QUANTITY: Record<Role, string> = {
  admin: '11',
  preparer: '12',
  verifier: '13',
  approver: '14',
  auditor: '15',
  viewer: '16',
};

const FAMILIES: Family[] = [
  {
    name: 'header field',
    path: 'currency',
    edit: (doc, tag) => setHeaderField(doc, 'currency', CURRENCY[tag as Role], null),
    landed: (server, tag) => invoiceMap(server).get('currency') === CURRENCY[tag as Role],
  },
  {
    name: 'party field',
    path: 'buyer.name',
    edit: (doc, tag) => doc.transact(() => partyText(doc, 'buyer', 'name')?.insert(0, `[${tag}]`)),
    landed: (server, tag) => readInvoice(server).buyer.name.includes(`[${tag}]`),
  },
  {
    name: 'line number field',
    path: 'lines.l1.quantity',
    edit: (doc, tag) => setLineField(doc, 'l1', 'quantity', QUANTITY[tag as Role], null),
    landed: (server, tag) =>
      readInvoice(server).lines.find((l) => l.id === 'l1')?.quantity === QUANTITY[tag as Role],
  },
  {
    name: 'line description',
    path: 'lines.l1.description',
    edit: (doc, tag) =>
      doc.transact(() => lineDescription(lineMaps(doc)[0] as Y.Map<unknown>)?.insert(0, `[${tag}]`)),
    landed: (server, tag) => readInvoice(server).lines.some((l) => l.description.includes(`[${tag}]`)),
  },
  {
    name: 'line list',
    path: 'lines',
    edit: (doc, tag) => insertLine(doc, 99, { id: `new-${tag}` }, null),
    landed: (server, tag) => readInvoice(server).lines.some((l) => l.id === `new-${tag}`),
  },
  {
    name: 'rich text',
    path: 'notes',
    edit: (doc, tag) =>
      doc.transact(() => {
        const paragraph = richText(doc, 'notes')?.toDelta()[0]?.insert as Y.XmlText;
        paragraph.insert(paragraph.length, `[${tag}]`);
      }),
    landed: (server, tag) => readInvoice(server).notes.includes(`[${tag}]`),
  },
  {
    name: 'server-owned key',
    path: 'status',
    edit: (doc) => doc.transact(() => invoiceMap(doc).set('number', 'FORGED')),
    landed: (server) => invoiceMap(server).get('number') === 'FORGED',
  },
  {
    name: 'locks map',
    path: 'locks.buyer.email',
    edit: (doc, tag) =>
      doc.transact(() => locksMap(doc).set(`buyer.${tag}`, { userId: tag, name: tag, since: 'x' })),
    landed: (server, tag) => locksMap(server).has(`buyer.${tag}`),
  },
  {
    name: 'comments',
    path: 'comments.t1',
    edit: (doc, tag) =>
      addThread(
        doc,
        {
          anchor: { type: 'invoice' },
          author: { id: userIds.get(tag as Role) ?? '', name: tag },
          text: `[${tag}]`,
        },
        null,
      ),
    landed: (server, tag) => readThreads(server).some((th) => th.messages[0]?.text === `[${tag}]`),
  },
];

let app: TestApp;
const tokens = new Map<Role, string>();
const userIds = new Map<Role, string>();
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startTestApp();
  for (const [role, email] of Object.entries(USERS) as [Role, string][]) {
    const token = await login(app.url, email);
    tokens.set(role, token);
    userIds.set(role, (await api<MeResponse>(app.url, '/api/me', { token })).body.user.id);
  }
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await app.close();
});

interface Cell {
  role: Role;
  family: string;
  state: InvoiceStatus;
  expected: boolean;
  actual: boolean;
}

async function runState(state: InvoiceStatus): Promise<Cell[]> {
  const id = await createInState(app, {
    status: state,
    buyer: { name: 'Buyer' },
    lines: [{ id: 'l1', description: 'Work', quantity: '1', unitPrice: '10', vatRate: '20' }],
    notes: 'Note',
  });
  const server = () => app.hocuspocus.documents.get(docName(id)) as Y.Doc;
  const cells: Cell[] = [];
  for (const role of Object.keys(USERS) as Role[]) {
    const client = await connect(app.wsUrl, id, tokens.get(role) as string);
    clients.push(client);
    const readOnly = isReadOnlyRoleSet([role]);
    for (const family of FAMILIES) {
      family.edit(client.doc, role);
      // A writable connection is acked after the server applied the edit and any
      // compensation; a read-only one never is, and its edits are never applied.
      if (readOnly) await new Promise((r) => setTimeout(r, 20));
      else await client.settled();
      const expected = !readOnly && canEdit([role], family.path, state).ok;
      cells.push({ role, family: family.name, state, expected, actual: family.landed(server(), role) });
    }
    client.destroy();
  }
  return cells;
}

describe('authorization matrix', () => {
  it('every role × path family × workflow state is allowed or refused by the server as the rights say', async () => {
    const cells = (await Promise.all(INVOICE_STATUSES.map(runState))).flat();
    const wrong = cells.filter((c) => c.expected !== c.actual);
    const allowed = cells.filter((c) => c.actual).length;
    console.log(
      `authorization matrix: ${cells.length} cells covered (${Object.keys(USERS).length} roles × ${FAMILIES.length} path families × ${INVOICE_STATUSES.length} states), ${allowed} allowed, ${cells.length - allowed} refused`,
    );
    expect(wrong).toEqual([]);
    expect(cells).toHaveLength(6 * FAMILIES.length * INVOICE_STATUSES.length);
    // Spot checks against the design, independent of the table.
    const cell = (role: Role, family: string, state: InvoiceStatus) =>
      cells.find((c) => c.role === role && c.family === family && c.state === state)?.actual;
    expect(cell('preparer', 'party field', 'draft')).toBe(true);
    expect(cell('preparer', 'party field', 'in_review')).toBe(false);
    expect(cell('verifier', 'line number field', 'in_review')).toBe(true);
    expect(cell('verifier', 'line number field', 'draft')).toBe(false);
    expect(cell('approver', 'rich text', 'verified')).toBe(false);
    expect(cell('admin', 'header field', 'issued')).toBe(false);
    expect(cell('viewer', 'comments', 'draft')).toBe(false);
    expect(cell('auditor', 'comments', 'issued')).toBe(true);
    expect(cell('auditor', 'party field', 'draft')).toBe(false);
    expect(
      cells
        .filter((c) => c.family === 'server-owned key' || c.family === 'locks map')
        .every((c) => !c.actual),
    ).toBe(true);
  });
});
