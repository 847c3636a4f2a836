import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Results } from './results.ts';
import { type Spread, spread } from './stats.ts';
import { TARGETS, type TargetName } from './targets.ts';

interface Row {
  group: string;
  label: string;
  values: Partial<Record<TargetName, Spread>>;
  /** Figures derived from other rows, or not comparable across targets, are not ratioed. */
  noRatio?: boolean;
  note?: string;
}

const MB = 1024 * 1024;

export function buildRows(results: Results): Row[] {
  const rows: Row[] = [];
  if (results.floor) {
    const f = results.floor;
    for (const key of ['p50', 'p99', 'max'] as const) {
      rows.push({
        group: '0. floor: loopback WebSocket round trip, bare ws echo (ms)',
        label: key,
        values: {
          cofacture: spread([f[key]]),
          hocuspocus: spread([f[key]]),
          'y-websocket': spread([f[key]]),
        },
        noRatio: true,
        note: 'same for all',
      });
    }
  }
  const sizes = [...new Set(results.propagation.map((p) => p.editors))].sort((a, b) => a - b);
  for (const editors of sizes) {
    const of = (target: TargetName) =>
      results.propagation.find((p) => p.editors === editors && p.target === target);
    for (const key of ['p50', 'p95', 'p99', 'max'] as const) {
      rows.push({
        group: `1. propagation, ${editors} editors (ms)`,
        label: key,
        values: perTarget((t) => of(t)?.rounds.map((r) => r[key])),
      });
    }
    rows.push({
      group: `1. propagation, ${editors} editors (ms)`,
      label: 'p50 per delivery (each receiver on its own)',
      values: perTarget((t) => of(t)?.rounds.map((r) => r.perDeliveryP50)),
    });
    rows.push({
      group: `1. propagation, ${editors} editors (ms)`,
      label: 'p50 until the first receiver',
      values: perTarget((t) => of(t)?.rounds.map((r) => r.firstDeliveryP50)),
    });
    for (const [label, key] of [
      ['server residence p50: read → write to the first receiver', 'serverResidenceFirstP50'],
      ['server residence p50: read → write to the last receiver', 'serverResidenceLastP50'],
      ['server residence p99: read → write to the last receiver', 'serverResidenceLastP99'],
    ] as const) {
      rows.push({
        group: `1. propagation, ${editors} editors (ms)`,
        label,
        values: perTarget((t) => of(t)?.rounds.map((r) => r[key])),
      });
    }
    rows.push({
      group: `1. propagation, ${editors} editors (ms)`,
      label: 'load generator CPU per delivery (µs; all receivers share it)',
      values: perTarget((t) => of(t)?.rounds.map((r) => r.loadgenCpuMicrosPerDelivery)),
    });
    rows.push({
      group: `1. propagation, ${editors} editors (ms)`,
      label: 'server event-loop delay max',
      values: perTarget((t) => of(t)?.rounds.map((r) => r.serverLoopMaxMs)),
    });
    rows.push({
      group: `1. propagation, ${editors} editors (ms)`,
      label: 'server GC pause max',
      values: perTarget((t) => of(t)?.rounds.map((r) => r.serverGcMaxMs)),
    });
    rows.push({
      group: `1. propagation, ${editors} editors (ms)`,
      label: 'noise: other processes (cores busy)',
      values: perTarget((t) => of(t)?.rounds.map((r) => r.otherCores)),
      noRatio: true,
    });
  }
  if (results.scale.length > 0) {
    const of = (target: TargetName) => results.scale.find((s) => s.target === target)?.rounds;
    const first = results.scale[0];
    const group = `2. ${first?.connections} connections / ${first?.invoices} invoices`;
    rows.push({ group, label: 'latency p50 (ms)', values: perTarget((t) => of(t)?.map((r) => r.p50)) });
    rows.push({ group, label: 'latency p99 (ms)', values: perTarget((t) => of(t)?.map((r) => r.p99)) });
    rows.push({ group, label: 'latency max (ms)', values: perTarget((t) => of(t)?.map((r) => r.max)) });
    rows.push({
      group,
      label: 'server residence p99: read → write to the last receiver (ms)',
      values: perTarget((t) => of(t)?.map((r) => r.serverResidenceLastP99)),
    });
    rows.push({
      group,
      label: 'server event-loop delay p99 (ms)',
      values: perTarget((t) => of(t)?.map((r) => r.serverLoopP99Ms)),
    });
    rows.push({
      group,
      label: 'server event-loop delay max (ms)',
      values: perTarget((t) => of(t)?.map((r) => r.serverLoopMaxMs)),
    });
    rows.push({
      group,
      label: 'server GC pause max (ms)',
      values: perTarget((t) => of(t)?.map((r) => r.serverGcMaxMs)),
    });
    rows.push({
      group,
      label: 'server CPU (s per s)',
      values: perTarget((t) => of(t)?.map((r) => r.serverCpuSeconds / r.seconds)),
    });
    rows.push({
      group,
      label: 'server RSS (MiB)',
      values: perTarget((t) => of(t)?.map((r) => r.serverRssBytes / MB)),
    });
    rows.push({
      group,
      label: 'errors + lost edits',
      values: perTarget((t) => of(t)?.map((r) => r.errors + r.lost)),
      noRatio: true,
    });
    rows.push({
      group,
      label: 'noise: other processes (cores busy)',
      values: perTarget((t) => of(t)?.map((r) => r.otherCores)),
      noRatio: true,
    });
    rows.push({
      group,
      label: 'load generator lag p99 (ms)',
      values: perTarget((t) => of(t)?.map((r) => r.loadgenLagP99Ms)),
      noRatio: true,
    });
    rows.push({
      group,
      label: 'load generator lag max (ms)',
      values: perTarget((t) => of(t)?.map((r) => r.loadgenLagMaxMs)),
      noRatio: true,
    });
  }
  if (results.memory.length > 0) {
    rows.push({
      group: '3. memory',
      label: 'KiB per loaded 50-line invoice (heap + external, after GC)',
      values: perTarget((t) =>
        results.memory.find((m) => m.target === t)?.rounds.map((r) => r.bytesPerInvoice / 1024),
      ),
    });
    rows.push({
      group: '3. memory',
      label: 'KiB of resident set per loaded invoice',
      values: perTarget((t) =>
        results.memory.find((m) => m.target === t)?.rounds.map((r) => r.rssBytesPerInvoice / 1024),
      ),
    });
  }
  if (results.coldLoad.length > 0) {
    const of = (target: TargetName) => results.coldLoad.find((c) => c.target === target)?.result;
    const updates = results.coldLoad[0]?.result.updates;
    rows.push({
      group: `4. load of an invoice with ${updates} updates (ms)`,
      label: 'warm (document in memory)',
      values: perTarget((t) => of(t)?.warmMs),
    });
    rows.push({
      group: `4. load of an invoice with ${updates} updates (ms)`,
      label: 'cold (from storage)',
      values: perTarget((t) => of(t)?.coldMs ?? undefined),
      noRatio: true,
      note: 'the bare servers store nothing',
    });
  }
  if (results.updateCost.length > 0) {
    const of = (target: TargetName) => results.updateCost.find((u) => u.target === target)?.rounds;
    rows.push({
      group: '5. cost per update',
      label: 'server CPU per update (µs)',
      values: perTarget((t) => of(t)?.map((r) => r.cpuMicrosPerUpdate)),
    });
    rows.push({
      group: '5. cost per update',
      label: 'updates per second (paced)',
      values: perTarget((t) => of(t)?.map((r) => r.updatesPerSecond)),
    });
    const c = of('cofacture');
    const h = of('hocuspocus');
    if (c && h) {
      rows.push({
        group: '5. cost per update',
        label: 'extension pipeline (Cofacture − bare Hocuspocus, µs)',
        values: {
          cofacture: spread(c.map((r, i) => r.cpuMicrosPerUpdate - (h[i]?.cpuMicrosPerUpdate ?? Number.NaN))),
        },
        noRatio: true,
      });
    }
    if (results.profile) {
      for (const [label, micros] of Object.entries(results.profile.perUpdateMicros)) {
        rows.push({
          group: '5. cost per update',
          label: `${label} (µs, sampled)`,
          values: { cofacture: spread([micros]) },
          noRatio: true,
        });
      }
    }
  }
  return rows;
}

function perTarget(get: (target: TargetName) => number[] | undefined): Partial<Record<TargetName, Spread>> {
  const out: Partial<Record<TargetName, Spread>> = {};
  for (const target of TARGETS) {
    const values = get(target);
    if (values && values.length > 0) out[target] = spread(values);
  }
  return out;
}

export function fmt(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function cell(s: Spread | undefined): string {
  if (!s || !Number.isFinite(s.median)) return 'n/a';
  return s.rounds.length > 1 ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : fmt(s.median);
}

function ratio(row: Row, baseline: TargetName): string {
  if (row.noRatio) return '';
  const c = row.values.cofacture?.median;
  const b = row.values[baseline]?.median;
  if (c === undefined || b === undefined || !Number.isFinite(c) || !Number.isFinite(b) || b === 0) return '';
  return `${(c / b).toFixed(2)}×`;
}

const HEADER = ['figure', 'Cofacture', 'bare Hocuspocus', 'bare y-websocket', 'C / H', 'C / Y'];

function tableCells(rows: Row[]): string[][] {
  return rows.map((row) => [
    `${row.group}: ${row.label}${row.note ? ` (${row.note})` : ''}`,
    cell(row.values.cofacture),
    cell(row.values.hocuspocus),
    cell(row.values['y-websocket']),
    ratio(row, 'hocuspocus'),
    ratio(row, 'y-websocket'),
  ]);
}

export function consoleTable(rows: Row[]): string {
  const cells = [HEADER, ...tableCells(rows)];
  const widths = HEADER.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells
    .map((r, n) => {
      const line = r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join('  ');
      return n === 0 ? `${line}\n${'-'.repeat(line.length)}` : line;
    })
    .join('\n');
}

export function markdownTable(rows: Row[]): string {
  const lines = [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
  ];
  for (const r of tableCells(rows)) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

export interface Verdict {
  label: string;
  met: boolean | null;
  detail: string;
}

/** The targets of issue 4, read off this run. */
export function verdicts(results: Results): Verdict[] {
  const out: Verdict[] = [];
  const p20 = (t: TargetName) => results.propagation.find((p) => p.editors === 20 && p.target === t)?.rounds;
  const c = p20('cofacture');
  const y = p20('y-websocket');
  if (c && y) {
    const cp99 = spread(c.map((r) => r.p99)).median;
    const yp99 = spread(y.map((r) => r.p99)).median;
    out.push({
      label: '20 editors: Cofacture p99 ≤ 1.25 × bare y-websocket p99',
      met: cp99 <= 1.25 * yp99,
      detail: `${fmt(cp99)} ms vs ${fmt(yp99)} ms (${(cp99 / yp99).toFixed(2)}×)`,
    });
    const cp50 = spread(c.map((r) => r.p50)).median;
    // The same figure on the bare servers shows what this machine and the load generator allow.
    const bare = (['hocuspocus', 'y-websocket'] as const).flatMap((t) => {
      const rounds = p20(t);
      return rounds ? [`bare ${t} ${fmt(spread(rounds.map((r) => r.p50)).median)} ms`] : [];
    });
    out.push({
      label: '20 editors: Cofacture p50 < 1 ms',
      met: cp50 < 1,
      detail: `${fmt(cp50)} ms${bare.length > 0 ? ` (same run: ${bare.join(', ')})` : ''}`,
    });
  }
  const scale = results.scale.find((s) => s.target === 'cofacture');
  if (scale) {
    const p99 = spread(scale.rounds.map((r) => r.p99)).median;
    const worst = Math.max(...scale.rounds.map((r) => r.p99));
    const problems = scale.rounds.reduce((n, r) => n + r.errors + r.lost, 0);
    out.push({
      label: `${scale.connections} connections: Cofacture p99 < 20 ms, no errors`,
      met: p99 < 20 && worst < 20 && problems === 0,
      detail: `p99 median ${fmt(p99)} ms, worst round ${fmt(worst)} ms, ${problems} errors or lost edits`,
    });
  }
  return out;
}

export function verdictLines(list: Verdict[]): string[] {
  return list.map((v) => `${v.met === null ? '?' : v.met ? 'MET' : 'NOT MET'} — ${v.label}: ${v.detail}`);
}

const BEGIN = '<!-- bench:begin — generated by `pnpm bench`; edit outside these markers -->';
const END = '<!-- bench:end -->';

/** Replaces only the generated block of docs/benchmarks.md; every other section is kept. */
export function updateDoc(file: string, results: Results, rows: Row[]): void {
  const m = results.machine;
  const v = results.versions;
  const block = [
    BEGIN,
    '### Latest run (generated)',
    '',
    `- Command: \`${results.command}\` (${results.quick ? 'quick' : 'full'} run), ${results.startedAt} → ${results.finishedAt}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}`,
    `- Versions: ${Object.entries(v)
      .map(([k, value]) => `${k} ${value}`)
      .join(', ')}`,
    `- Raw results: \`bench/results/latest.json\` (not committed)`,
    `- Machine noise: other processes used ${fmt(results.othersAtStart)} of ${m.cores} cores at the start of the run; each workload's "noise" row gives it per round`,
    '',
    'Each cell: median of the rounds (min–max of the rounds). Ratios compare medians.',
    '',
    markdownTable(rows),
    '',
    ...verdictLines(verdicts(results)).map((l) => `- ${l}`),
    ...(results.failures.length > 0
      ? ['', 'Failures:', ...results.failures.map((f) => `- ${f.target} / ${f.workload}: ${f.message}`)]
      : []),
    END,
  ].join('\n');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(BEGIN.slice(0, 20));
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${block}${current.slice(end + END.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
