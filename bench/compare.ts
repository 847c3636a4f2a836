/**
 * Before/after of two `pnpm bench` result files, as a markdown table of Cofacture's figures:
 *
 *   pnpm exec tsx bench/compare.ts BEFORE.json AFTER.json
 */
import { readFileSync } from 'node:fs';
import { buildRows, fmt } from './src/report.ts';
import type { Results } from './src/results.ts';

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: tsx bench/compare.ts BEFORE.json AFTER.json');
  process.exit(2);
}
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Results;
const before = buildRows(read(beforeFile));
const after = buildRows(read(afterFile));
const cell = (s: { median: number; min: number; max: number; rounds: number[] } | undefined) => {
  if (!s || !Number.isFinite(s.median)) return 'n/a';
  return s.rounds.length > 1 ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : fmt(s.median);
};
console.log(
  '| figure | Cofacture before | Cofacture after | bare Hocuspocus (after run) | bare y-websocket (after run) |',
);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of after) {
  if (row.label.startsWith('noise') || row.group.startsWith('0.')) continue;
  const old = before.find((r) => r.group === row.group && r.label === row.label);
  console.log(
    `| ${row.group}: ${row.label} | ${cell(old?.values.cofacture)} | ${cell(row.values.cofacture)} | ${cell(row.values.hocuspocus)} | ${cell(row.values['y-websocket'])} |`,
  );
}
