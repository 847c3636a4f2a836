import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initInvoiceDoc } from './create.ts';
import {
  duplicateLine,
  insertLine,
  moveLine,
  removeLine,
  setHeaderField,
  setLineDescription,
  setLineField,
  setPartyField,
} from './edit.ts';
import { readInvoice } from './read.ts';
import { HEADER_FIELDS, invoiceMap, LINE_NUMBER_FIELDS, PARTIES, PARTY_FIELDS, partyText } from './schema.ts';
import type { Invoice } from './types.ts';

/**
 * Randomised multi-client editing in the style of Yjs' `applyRandomTests`: peers edit through
 * the model, updates travel out of order, late and duplicated, and everyone must end up with
 * the same invoice. A failure names its seed; rerun with `SEEDS = [thatSeed]` to replay it.
 */
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);
const ROUNDS = 25;

const SERVER = { source: 'server' } as const;
const REMOTE = { source: 'remote' } as const;

const TYPED = ['a', 'b', 'z', ' ', '-', 'é', '€', '😀', '👍🏽'];
const VALUES = {
  currency: ['EUR', 'USD', 'CHF'],
  issueDate: ['2025-01-01', '2025-02-15', ''],
  dueDate: ['2025-03-01', '2025-03-31'],
  quantity: ['1', '2.5', '10', ''],
  unitPrice: ['0.99', '120.50', '1000'],
  vatRate: ['0', '5.5', '10', '20'],
} as const;

type Random = () => number;

describe('convergence under random concurrent edits', () => {
  it(`converges for ${SEEDS.length} seeds × ${ROUNDS} rounds`, () => {
    for (const seed of SEEDS) {
      try {
        runSeed(seed);
      } catch (error) {
        if (error instanceof Error) {
          error.message = `seed ${seed}: ${error.message}`;
          throw error;
        }
        throw new Error(`seed ${seed}: ${String(error)}`);
      }
    }
    // About a second on an idle machine; the margin is for loaded CI runners.
  }, 30_000);
});

function runSeed(seed: number): void {
  const random = mulberry32(seed);
  const server = new Y.Doc();
  server.clientID = 1000;
  initInvoiceDoc(
    server,
    {
      seller: { name: 'ACME', address: '1 rue de la Paix' },
      buyer: { name: 'Globex' },
      lines: [
        { id: 'l1', description: 'Consulting', quantity: '3', unitPrice: '120.50', vatRate: '20' },
        { id: 'l2', description: 'Travel', quantity: '1', unitPrice: '80', vatRate: '10' },
      ],
      notes: 'Thanks',
    },
    SERVER,
  );
  const initial = Y.encodeStateAsUpdate(server);

  const count = 3 + Math.floor(random() * 3);
  const peers = Array.from({ length: count }, (_, index) => {
    const doc = new Y.Doc();
    // Fixed client ids make the merge order, and so a failing seed, reproducible.
    doc.clientID = index + 1;
    Y.applyUpdate(doc, initial, REMOTE);
    return { doc, inbox: [] as Uint8Array[], origin: { source: 'connection', peer: index } };
  });
  for (const peer of peers) {
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      for (const other of peers) if (other !== peer) other.inbox.push(update);
    });
  }

  let nextLine = 0;
  const newLineId = () => `s${seed}n${nextLine++}`;

  for (let round = 0; round < ROUNDS; round++) {
    for (const peer of peers) {
      const edits = 1 + Math.floor(random() * 2);
      for (let i = 0; i < edits; i++) randomEdit(peer.doc, peer.origin, random, newLineId);
    }
    for (const peer of peers) {
      const later: Uint8Array[] = [];
      for (const update of shuffle(peer.inbox, random)) {
        const roll = random();
        if (roll < 0.3) later.push(update);
        else {
          Y.applyUpdate(peer.doc, update, REMOTE);
          // Providers resend after reconnects; Yjs must ignore what it already has.
          if (roll > 0.9) Y.applyUpdate(peer.doc, update, REMOTE);
        }
      }
      peer.inbox = later;
    }
  }

  for (const peer of peers) {
    for (const update of shuffle(peer.inbox, random)) Y.applyUpdate(peer.doc, update, REMOTE);
    peer.inbox = [];
  }

  const [first, ...rest] = peers.map(({ doc }) => snapshot(doc));
  for (const [index, other] of rest.entries()) {
    expect(other, `peer ${index + 1} differs from peer 0`).toEqual(first);
  }
  for (const { doc } of peers) {
    expect(doc.store.pendingStructs, 'updates left pending').toBeNull();
    expect(doc.store.pendingDs, 'deletes left pending').toBeNull();
  }
}

/** What must be equal everywhere: the read value and the raw map, also after a reload from bytes. */
function snapshot(doc: Y.Doc): { invoice: Invoice; raw: unknown; reloaded: Invoice } {
  const reloaded = new Y.Doc();
  Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc));
  const invoice = readInvoice(doc);
  checkReadable(invoice);
  expect(invoiceMap(reloaded).toJSON()).toEqual(invoiceMap(doc).toJSON());
  return { invoice, raw: invoiceMap(doc).toJSON(), reloaded: readInvoice(reloaded) };
}

function checkReadable(invoice: Invoice): Invoice {
  const ids = invoice.lines.map((line) => line.id);
  expect(new Set(ids).size, `duplicate line ids in ${ids.join(',')}`).toBe(ids.length);
  return invoice;
}

function randomEdit(doc: Y.Doc, origin: unknown, random: Random, newLineId: () => string): void {
  // Reading before every edit also checks reads of half-synced states never throw.
  const { lines } = checkReadable(readInvoice(doc));
  const line = lines[Math.floor(random() * lines.length)];
  const roll = random();
  if (roll < 0.3) typeIntoParty(doc, origin, random);
  else if (roll < 0.38) {
    const party = pick(PARTIES, random);
    const field = pick(PARTY_FIELDS, random);
    setPartyField(doc, party, field, `${pick(TYPED, random)}${partyText(doc, party, field)}`, origin);
  } else if (roll < 0.46) {
    const field = pick(HEADER_FIELDS, random);
    setHeaderField(doc, field, pick(VALUES[field], random), origin);
  } else if (roll < 0.58 && line) {
    const field = pick(LINE_NUMBER_FIELDS, random);
    setLineField(doc, line.id, field, pick(VALUES[field], random), origin);
  } else if (roll < 0.68 && line) {
    const at = boundary(line.description, Math.floor(random() * (line.description.length + 1)));
    const next = `${line.description.slice(0, at)}${pick(TYPED, random)}${line.description.slice(at)}`;
    setLineDescription(doc, line.id, next, origin);
  } else if (roll < 0.78 || !line) {
    const index = Math.floor(random() * (lines.length + 3)) - 1;
    insertLine(doc, index, { id: newLineId(), description: pick(TYPED, random), quantity: '1' }, origin);
  } else if (roll < 0.86) {
    removeLine(doc, line.id, origin);
  } else if (roll < 0.95) {
    moveLine(doc, line.id, Math.floor(random() * (lines.length + 2)) - 1, origin);
  } else if (lines.length < 12) {
    duplicateLine(doc, line.id, origin);
  }
}

/** Keystrokes straight on the Y.Text, as the bound input does, at positions between characters. */
function typeIntoParty(doc: Y.Doc, origin: unknown, random: Random): void {
  const text = partyText(doc, pick(PARTIES, random), pick(PARTY_FIELDS, random));
  if (!text) throw new Error('party text missing');
  const value = text.toString();
  const at = boundary(value, Math.floor(random() * (value.length + 1)));
  doc.transact(() => {
    if (random() < 0.3 && at < value.length) {
      const end = boundary(value, at + 1 + Math.floor(random() * 3));
      text.delete(at, Math.max(1, end - at));
    } else {
      text.insert(at, pick(TYPED, random));
    }
  }, origin);
}

/** Moves an offset off the middle of a surrogate pair. */
function boundary(value: string, offset: number): number {
  const clamped = Math.min(offset, value.length);
  const before = value.charCodeAt(clamped - 1);
  return before >= 0xd800 && before <= 0xdbff ? clamped + 1 : clamped;
}

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)] as T;
}

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
