import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChainVerification } from '@cofacture/shared/audit/index.ts';
import Database from 'better-sqlite3';
import { ChainCheck } from '../services/audit/chainCheck.ts';
import { DB_FILE } from '../services/Services.ts';

/**
 * `pnpm verify [--data-dir DIR]`: recomputes every document's hash chain in the database
 * (read-only, one streaming pass in primary-key order, so memory stays flat whatever the size)
 * and names the first bad row of each broken one. Exit status: 0 all intact, 1 a chain is
 * broken, 2 the database could not be read.
 */
interface RawRow {
  doc: string;
  seq: number;
  at: number;
  userId: string;
  update: Buffer;
  prevHash: string;
  hash: string;
}

const ALL_ROWS =
  'SELECT doc, seq, at, user_id AS userId, "update", prev_hash AS prevHash, hash FROM doc_updates ORDER BY doc, seq';
const SNAPSHOT_HEADS = 'SELECT doc, MAX(seq) AS seq FROM doc_snapshots GROUP BY doc';
const WATERMARKS = 'SELECT doc, seq FROM audit_watermarks';

function dataDirFrom(args: readonly string[], env: NodeJS.ProcessEnv): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--data-dir') return args[i + 1] ?? fail('--data-dir needs a directory.');
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
    if (arg === '--help' || arg === '-h') {
      console.log('Usage: pnpm verify [--data-dir DIR]   (default: $DATA_DIR or ./data)');
      process.exit(0);
    }
    if (arg !== '--') fail(`Unknown argument ${arg}. Usage: pnpm verify [--data-dir DIR]`);
  }
  return env.DATA_DIR ?? './data';
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** The highest seq each document's snapshots and audit watermark say its log reached. */
function knownHeads(db: Database.Database): Map<string, number> {
  const known = new Map<string, number>();
  const tables = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((t) => t.name),
  );
  const sources = [
    tables.has('doc_snapshots') && SNAPSHOT_HEADS,
    tables.has('audit_watermarks') && WATERMARKS,
  ];
  for (const sql of sources) {
    if (!sql) continue;
    for (const { doc, seq } of db.prepare<[], { doc: string; seq: number }>(sql).all())
      known.set(doc, Math.max(known.get(doc) ?? 0, seq));
  }
  return known;
}

export function verifyDatabase(
  file: string,
  report: (result: ChainVerification) => void,
): ChainVerification[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const known = knownHeads(db);
    const results: ChainVerification[] = [];
    const finish = (check: ChainCheck) => {
      const result = check.finish(known.get(check.doc) ?? 0);
      known.delete(check.doc);
      results.push(result);
      report(result);
    };
    let check: ChainCheck | null = null;
    for (const row of db.prepare<[], RawRow>(ALL_ROWS).iterate()) {
      if (check === null || check.doc !== row.doc) {
        if (check) finish(check);
        check = new ChainCheck(row.doc);
      }
      check.push(row);
    }
    if (check) finish(check);
    // A document whose every row is gone still has its snapshots or watermark.
    for (const [doc, seq] of known) {
      const result = new ChainCheck(doc).finish(seq);
      results.push(result);
      report(result);
    }
    return results;
  } finally {
    db.close();
  }
}

function line(result: ChainVerification): string {
  if (result.ok)
    return `ok    ${result.doc}  ${result.checked} rows, head ${result.head?.seq ?? 0} ${result.head?.hash ?? ''}`;
  const bad = result.firstBad;
  return `BAD   ${result.doc}  first bad row: seq ${bad?.seq} — ${bad?.reason} (${bad?.detail}); ${result.checked} rows check out before it`;
}

function main(): void {
  const dir = resolve(dataDirFrom(process.argv.slice(2), process.env));
  const file = join(dir, DB_FILE);
  if (!existsSync(file)) fail(`No database at ${file}. Pass --data-dir or set DATA_DIR.`);
  const started = performance.now();
  let results: ChainVerification[];
  try {
    results = verifyDatabase(file, (result) => console.log(line(result)));
  } catch (error) {
    fail(`Could not read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const broken = results.filter((r) => !r.ok).length;
  const rows = results.reduce((sum, r) => sum + r.checked, 0);
  const ms = Math.round(performance.now() - started);
  console.log(
    broken === 0
      ? `All ${results.length} chains intact: ${rows} rows verified in ${ms} ms.`
      : `${broken} of ${results.length} chains BROKEN (${rows} rows verified in ${ms} ms).`,
  );
  process.exit(broken === 0 ? 0 : 1);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();
