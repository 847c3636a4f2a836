import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Db, openDatabase } from '../src/db/openDatabase.ts';
import { SqliteDocStore } from '../src/store/SqliteDocStore.ts';

let db: Db;
let store: SqliteDocStore;

beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'cofacture-riders-')), 'test.sqlite'));
  db.exec('CREATE TABLE facts (name TEXT PRIMARY KEY, value TEXT)');
  store = new SqliteDocStore(db);
});
afterEach(() => {
  if (db.open) db.close();
});

const fact = (name: string) =>
  (db.prepare('SELECT value FROM facts WHERE name = ?').get(name) as { value: string } | undefined)?.value;
const setFact = (name: string, value: string) => () =>
  void db.prepare('INSERT OR REPLACE INTO facts (name, value) VALUES (?, ?)').run(name, value);
const rows = (doc: string) => store.updates(doc).length;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('writes riding on an update commit', () => {
  it('commit together with the next appended update', () => {
    const seen: { inTransaction: boolean; rowsAlready: number }[] = [];
    const write = () => {
      // Inside the append's transaction, after its INSERT: the row is there, not yet committed.
      seen.push({ inTransaction: db.inTransaction, rowsAlready: rows('invoice:a') });
      setFact('last editor', 'bob')();
    };
    store.withNextAppend(write);
    store.withNextAppend(write);
    store.append('invoice:a', 'bob', new Uint8Array([1, 2, 3]));
    expect(db.inTransaction).toBe(false);
    expect(seen).toEqual([{ inTransaction: true, rowsAlready: 1 }]);
    expect(fact('last editor')).toBe('bob');
    expect(rows('invoice:a')).toBe(1);
  });

  it('are written on their own, later in the same turn, when no update follows', async () => {
    store.withNextAppend(setFact('last editor', 'carol'));
    expect(fact('last editor')).toBeUndefined();
    await nextTurn();
    expect(fact('last editor')).toBe('carol');
  });

  it('never take the update down with them when they fail', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    setFact('taken', 'before')();
    // A statement that fails (here a duplicate key) is undone by SQLite; the other writes stand.
    store.withNextAppend(
      () => void db.prepare('INSERT INTO facts (name, value) VALUES (?, ?)').run('taken', 'x'),
    );
    store.withNextAppend(setFact('other', 'kept'));
    store.append('invoice:b', 'bob', new Uint8Array([4, 5]));
    expect(rows('invoice:b')).toBe(1);
    expect(fact('taken')).toBe('before');
    expect(fact('other')).toBe('kept');
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(/riding on an update commit failed/),
      expect.any(Error),
    );
    logged.mockRestore();
  });

  it('are skipped, not thrown, once the database is closed', async () => {
    const write = vi.fn(setFact('late', 'x'));
    store.withNextAppend(write);
    db.close();
    await nextTurn();
    expect(write).not.toHaveBeenCalled();
  });
});
