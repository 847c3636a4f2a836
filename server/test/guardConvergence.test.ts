import {
  type ClientMessage,
  insertLine,
  invoiceMap,
  lineIdOfPath,
  locksMap,
  moveLine,
  partyText,
  readInvoice,
  removeLine,
  setHeaderField,
  setLineField,
  visibleLines,
} from '@cofacture/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from './support/api.ts';
import { connect, type TestClient, waitFor } from './support/collabClient.ts';
import { createInState, startTestApp, type TestApp } from './support/startTestApp.ts';

/**
 * Randomized, in the Yjs style, with rights and locks on: clients of several roles take and
 * release random locks and make random edits without waiting for each other. The invoice is in
 * review, so the verifier and the admin may edit and the preparer and the approver may not;
 * whatever the refused ones write is marked, and none of it may survive anywhere.
 */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const OPS = 120;
const REFUSED_MARK = '§';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let app: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  app = await startTestApp();
  for (const who of ['bob', 'admin', 'alice', 'carol'])
    tokens[who] = await login(app.url, `${who}@demo.test`);
});
afterAll(() => app.close());

interface Actor {
  name: string;
  allowed: boolean;
  client: TestClient;
}

function randomEdit(actor: Actor, rand: () => number, step: number): void {
  const doc = actor.client.doc;
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(rand() * list.length)];
  const lines = visibleLines(doc);
  const mark = actor.allowed ? String.fromCharCode(97 + (step % 26)) : REFUSED_MARK;
  const choice = Math.floor(rand() * 7);
  try {
    if (choice === 0) {
      const text = partyText(doc, pick(['buyer', 'seller'] as const) ?? 'buyer', 'name');
      text?.insert(Math.floor(rand() * ((text?.length ?? 0) + 1)), mark);
    } else if (choice === 1) {
      setHeaderField(doc, 'currency', actor.allowed ? (pick(['EUR', 'USD', 'CHF']) ?? 'EUR') : 'XXX', null);
    } else if (choice === 2 && lines.length > 0) {
      const value = actor.allowed ? String(1 + Math.floor(rand() * 50)) : '666';
      setLineField(doc, pick(lines)?.id ?? '', 'quantity', value, null);
    } else if (choice === 3) {
      insertLine(
        doc,
        Math.floor(rand() * 5),
        { id: `${actor.allowed ? 'ok' : 'bad'}-${actor.name}-${step}`, description: mark },
        null,
      );
    } else if (choice === 4 && lines.length > 1) {
      removeLine(doc, pick(lines)?.id ?? '', null);
    } else if (choice === 5 && lines.length > 1) {
      moveLine(doc, pick(lines)?.id ?? '', Math.floor(rand() * lines.length), null);
    } else {
      const line = pick(lines);
      const text = line?.line.get('description');
      if (text && typeof text === 'object' && 'insert' in text)
        (text as { insert(i: number, s: string): void }).insert(0, mark);
    }
  } catch {
    // A line removed concurrently by someone else: fine, the op is skipped.
  }
}

function randomLock(actor: Actor, rand: () => number): void {
  const lines = visibleLines(actor.client.doc);
  const paths = ['buyer.name', 'buyer', 'seller.name', 'currency', ...lines.map((l) => `lines.${l.id}`)];
  const path = paths[Math.floor(rand() * paths.length)] ?? 'buyer';
  const type: ClientMessage['type'] = rand() < 0.6 ? 'lock.acquire' : 'lock.release';
  actor.client.send({ type, path });
}

describe('randomized convergence with rights and locks', () => {
  it.each(SEEDS)(
    'seed %i: every replica ends identical to the server and no refused change survives',
    async (seed) => {
      const rand = mulberry32(seed);
      const id = await createInState(app, {
        status: 'in_review',
        buyer: { name: 'Buyer' },
        seller: { name: 'Seller' },
        lines: [1, 2, 3, 4].map((n) => ({
          id: `l${n}`,
          description: `Line ${n}`,
          quantity: '1',
          unitPrice: '10',
          vatRate: '20',
        })),
      });
      const actors: Actor[] = [];
      for (const [name, allowed] of [
        ['bob', true],
        ['admin', true],
        ['alice', false],
        ['carol', false],
      ] as const) {
        actors.push({ name, allowed, client: await connect(app.wsUrl, id, tokens[name] as string) });
      }
      for (let step = 0; step < OPS; step++) {
        const actor = actors[Math.floor(rand() * actors.length)] as Actor;
        if (rand() < 0.2) randomLock(actor, rand);
        else randomEdit(actor, rand, step);
        if (rand() < 0.15) await new Promise((r) => setTimeout(r, Math.floor(rand() * 5)));
      }
      await Promise.all(actors.map((a) => a.client.settled()));
      const reader = await connect(app.wsUrl, id, tokens.bob as string);
      const expected = readInvoice(reader.doc);
      for (const actor of actors) {
        await waitFor(
          () => JSON.stringify(readInvoice(actor.client.doc)) === JSON.stringify(expected),
          `seed ${seed}: ${actor.name} converges`,
        );
        expect(invoiceMap(actor.client.doc).toJSON()).toEqual(invoiceMap(reader.doc).toJSON());
        expect(locksMap(actor.client.doc).toJSON()).toEqual(locksMap(reader.doc).toJSON());
      }
      const everything = JSON.stringify(expected);
      expect(everything, `seed ${seed}: refused text survived`).not.toContain(REFUSED_MARK);
      expect(expected.currency, `seed ${seed}`).not.toBe('XXX');
      expect(
        expected.lines.filter((l) => l.id.startsWith('bad-') || l.quantity === '666'),
        `seed ${seed}`,
      ).toEqual([]);
      expect(expected.status).toBe('in_review');
      // Locks are only ever held by the people who may edit here.
      const holders = Object.values(locksMap(reader.doc).toJSON()).map((h) => (h as { name: string }).name);
      expect(
        holders.every((n) => n === 'Bob Durand' || n === 'Adèle Admin'),
        `seed ${seed}: ${holders}`,
      ).toBe(true);
      for (const path of Object.keys(locksMap(reader.doc).toJSON())) {
        const lineId = lineIdOfPath(path);
        if (lineId) expect(typeof lineId).toBe('string');
      }
      for (const actor of actors) actor.client.destroy();
      reader.destroy();
    },
  );
});
