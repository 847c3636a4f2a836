import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { docName, insertLine, invoiceMap, setLineField, setPartyField } from '@cofacture/shared';
import type { ChainVerification, OrgVerifyResponse } from '@cofacture/shared/audit/index.ts';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../src/cli/verify.ts';
import { DB_FILE } from '../src/services/Services.ts';
import { api, createInvoice, login } from './support/api.ts';
import { connect, eventually, waitFor } from './support/collabClient.ts';
import { REPO_ROOT, type SpawnedServer, spawnServer } from './support/spawnServer.ts';

const run = promisify(execFile);

/** A real database: written by the real server process through real providers, then stopped. */
let original: string;
let target: string; // the invoice whose chain is tampered with
let other: string;
const K = 10; // the row tampered with

beforeAll(async () => {
  const server = await spawnServer();
  try {
    const alice = await login(server.url, 'alice@demo.test');
    const admin = await login(server.url, 'admin@demo.test');
    target = await createInvoice(server.url, alice, { invoice: { buyer: { name: 'ACME' } } });
    other = await createInvoice(server.url, alice, { invoice: { buyer: { name: 'Other' } } });
    const a = await connect(server.wsUrl, target, alice);
    const b = await connect(server.wsUrl, target, admin);
    for (let i = 0; i < 8; i++) insertLine(a.doc, i, { description: `Line ${i}`, quantity: '1' }, 'a');
    await a.settled();
    setPartyField(b.doc, 'buyer', 'name', 'ACME SAS', 'b');
    b.doc.transact(() => invoiceMap(b.doc).set('number', 'X-1'), 'b'); // refused: a guard row too
    await b.settled();
    a.send({ type: 'lock.acquire', path: 'notes' });
    await waitFor(() => b.doc.getMap('locks').has('notes'), 'lock');
    const line = [...(invoiceMap(a.doc).get('lines') as Iterable<{ get(k: string): unknown }>)][0];
    setLineField(a.doc, line?.get('id') as string, 'unitPrice', '9.90', 'a');
    await a.settled();
    const c = await connect(server.wsUrl, other, alice);
    setPartyField(c.doc, 'buyer', 'email', 'ap@other.test', 'c');
    await c.settled();
    for (const client of [a, b, c]) client.destroy();
    // Project both histories (as a reader would), so the watermark names the end of each log —
    // once the server has released Alice's lock on her disconnect.
    const dave = await login(server.url, 'dave@demo.test');
    await eventually(async () => {
      const state = await api<{ locks: object }>(server.url, `/api/invoices/${target}/state`, {
        token: dave,
      });
      return Object.keys(state.body.locks).length === 0 ? true : null;
    }, 'lock released');
    for (const id of [target, other]) await api(server.url, `/api/invoices/${id}/history`, { token: dave });
  } finally {
    await server.stop();
  }
  original = server.dataDir;
}, 120_000);

/** A copy of the stopped server's database files, tampered with by raw SQL behind the triggers. */
function tamperedCopy(tamper: (db: Database.Database, doc: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'cofacture-tamper-'));
  for (const suffix of ['', '-wal', '-shm']) {
    const file = join(original, `${DB_FILE}${suffix}`);
    if (existsSync(file)) copyFileSync(file, join(dir, `${DB_FILE}${suffix}`));
  }
  const db = new Database(join(dir, DB_FILE));
  db.exec('DROP TRIGGER doc_updates_no_update; DROP TRIGGER doc_updates_no_delete;');
  tamper(db, docName(target));
  db.close();
  return dir;
}

function row(db: Database.Database, doc: string, seq: number) {
  return db
    .prepare<[string, number], { update: Buffer; at: number; user_id: string; hash: string }>(
      'SELECT "update", at, user_id, hash FROM doc_updates WHERE doc = ? AND seq = ?',
    )
    .get(doc, seq);
}

async function cli(dir: string, viaPnpm = false): Promise<{ code: number; out: string }> {
  const [command, args] = viaPnpm
    ? ['pnpm', ['--silent', 'verify', '--data-dir', dir]]
    : [process.execPath, ['--import', 'tsx', 'server/src/cli/verify.ts', '--data-dir', dir]];
  try {
    const { stdout } = await run(command, args as string[], { cwd: REPO_ROOT });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

const CASES: [
  name: string,
  tamper: (db: Database.Database, doc: string) => void,
  reason: string,
  seq?: number,
][] = [
  [
    'flip one byte of an update',
    (db, doc) => {
      const update = Buffer.from((row(db, doc, K) as { update: Buffer }).update);
      const at = Math.floor(update.length / 2);
      update[at] = (update[at] as number) ^ 0x01;
      db.prepare('UPDATE doc_updates SET "update" = ? WHERE doc = ? AND seq = ?').run(update, doc, K);
    },
    'hash mismatch',
  ],
  [
    'change a user id',
    (db, doc) =>
      db.prepare("UPDATE doc_updates SET user_id = 'someone-else' WHERE doc = ? AND seq = ?").run(doc, K),
    'hash mismatch',
  ],
  [
    'change a time',
    (db, doc) => db.prepare('UPDATE doc_updates SET at = at - 60000 WHERE doc = ? AND seq = ?').run(doc, K),
    'hash mismatch',
  ],
  [
    'delete a row',
    (db, doc) => db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq = ?').run(doc, K),
    'seq gap (row missing)',
  ],
  [
    'reorder two rows',
    (db, doc) => {
      const move = db.prepare('UPDATE doc_updates SET seq = ? WHERE doc = ? AND seq = ?');
      db.transaction(() => {
        move.run(-1, doc, K);
        move.run(K, doc, K + 1);
        move.run(K + 1, doc, -1);
      })();
    },
    'prev_hash does not link',
  ],
  [
    'rewrite a row with a matching hash of its own',
    (db, doc) => {
      // The forger recomputes row K's hash; row K+1 still links to the old one.
      const r = row(db, doc, K) as { update: Buffer; at: number; user_id: string };
      const prev = (row(db, doc, K - 1) as { hash: string }).hash;
      const head = Buffer.from(`${prev}\n${K}\n${doc}\nmallory\n${r.at}\n`);
      const hash = createHash('sha256')
        .update(Buffer.concat([head, r.update]))
        .digest('hex');
      db.prepare("UPDATE doc_updates SET user_id = 'mallory', hash = ? WHERE doc = ? AND seq = ?").run(
        hash,
        doc,
        K,
      );
    },
    'prev_hash does not link',
    K + 1,
  ],
  [
    'cut the last row off',
    (db, doc) => {
      const last = db
        .prepare<[string], { seq: number }>('SELECT MAX(seq) AS seq FROM doc_updates WHERE doc = ?')
        .get(doc);
      db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq = ?').run(doc, last?.seq);
    },
    'log truncated',
    -1,
  ],
];

describe('verify on a copy of a real database', () => {
  it('finds an untouched database intact, through `pnpm verify` too', async () => {
    const dir = tamperedCopy(() => {});
    const results = verifyDatabase(join(dir, DB_FILE), () => {});
    expect(results.length).toBeGreaterThanOrEqual(2);
    expect(results.every((r) => r.ok)).toBe(true);
    const { code, out } = await cli(dir, true);
    expect(out).toMatch(/All \d+ chains intact/);
    expect(code).toBe(0);
  });

  it('names the first bad row of every kind of tampering, exit status 1', async () => {
    const head = verifyDatabase(
      join(
        tamperedCopy(() => {}),
        DB_FILE,
      ),
      () => {},
    ).find((r) => r.doc === docName(target))?.head?.seq as number;
    expect(head).toBeGreaterThan(K + 2);
    const outcomes = await Promise.all(
      CASES.map(async ([name, tamper, reason, seq]) => {
        const dir = tamperedCopy(tamper);
        const expectedSeq = seq === -1 ? head : (seq ?? K);
        const results = verifyDatabase(join(dir, DB_FILE), () => {});
        const broken = results.filter((r) => !r.ok);
        expect(
          broken.map((r) => [r.doc, r.firstBad?.seq, r.firstBad?.reason]),
          name,
        ).toEqual([[docName(target), expectedSeq, reason]]);
        const { code, out } = await cli(dir);
        return {
          name,
          code,
          out,
          expected: `BAD   ${docName(target)}  first bad row: seq ${expectedSeq} — ${reason}`,
        };
      }),
    );
    for (const { name, code, out, expected } of outcomes) {
      expect(code, name).toBe(1);
      expect(out, name).toContain(expected);
      expect(out, name).toContain(`ok    ${docName(other)}`);
      expect(out, name).toMatch(/1 of \d+ chains BROKEN/);
    }
  });

  it('reports the break over HTTP too, per invoice and org-wide', async () => {
    const dir = tamperedCopy((CASES[0] as (typeof CASES)[number])[1]);
    let server: SpawnedServer | null = null;
    try {
      server = await spawnServer({ dataDir: dir });
      const dave = await login(server.url, 'dave@demo.test');
      const one = await api<ChainVerification>(server.url, `/api/invoices/${target}/verify`, { token: dave });
      expect(one.body).toMatchObject({
        ok: false,
        checked: K - 1,
        firstBad: { seq: K, reason: 'hash mismatch' },
      });
      const [{ orgId }] = (await api<{ orgs: { orgId: string }[] }>(server.url, '/api/me', { token: dave }))
        .body.orgs as [{ orgId: string }];
      const org = await api<OrgVerifyResponse>(server.url, `/api/orgs/${orgId}/verify`, { token: dave });
      expect(org.body.ok).toBe(false);
      expect(org.body.results.filter((r) => !r.ok).map((r) => r.doc)).toEqual([docName(target)]);
    } finally {
      await server?.stop();
    }
  });

  it('keeps the audit tables append-only', () => {
    const db = new Database(
      join(
        tamperedCopy(() => {}),
        DB_FILE,
      ),
    );
    expect(() => db.exec("UPDATE audit_entries SET summary = 'nothing happened'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_entries')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_rejections')).toThrow(/append-only/);
    expect(() => db.exec('UPDATE audit_watermarks SET seq = 0')).toThrow(/only move forward/);
    db.close();
  });
});
