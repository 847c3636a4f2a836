/**
 * Reads a `.cpuprofile` written by `node --cpu-prof` (e.g. by `pnpm bench -- --cpu-prof`, into
 * bench/results/profiles/<target>-<time>/; the largest file there is the main thread's):
 *
 *   pnpm exec tsx bench/profile.ts FILE [--top 30] [--long 40]
 *
 * prints the frames with the most self and inclusive time, and the longest stretches without an
 * idle sample (what held the event loop), with the frames most present in each.
 */
import { parseArgs } from 'node:util';
import { COFACTURE_GROUPS, longTasks, summarizeProfile } from './src/cpuProfile.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, long: { type: 'string', default: '40' } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: tsx bench/profile.ts FILE.cpuprofile [--top N] [--long MS]');
  process.exit(2);
}
const top = Number(values.top);
const summary = summarizeProfile(file, COFACTURE_GROUPS);
console.log(`busy (non-idle) sampled time: ${summary.totalMs.toFixed(0)} ms\n\nshare of busy time by group:`);
for (const [label, ms] of Object.entries(summary.inclusiveMs))
  console.log(`${((ms / summary.totalMs) * 100).toFixed(1).padStart(8)} %  ${label}`);
console.log('\nself time:');
for (const t of summary.topSelf.slice(0, top)) console.log(`${t.ms.toFixed(1).padStart(9)}  ${t.frame}`);
console.log('\ninclusive time:');
for (const t of summary.topInclusive.slice(0, top)) console.log(`${t.ms.toFixed(1).padStart(9)}  ${t.frame}`);
const noise = /^\((root|program)\)|processTicksAndRejections|runMicrotasks|processTimers|listOnTimeout/;
const tasks = longTasks(file, Number(values.long), (frame) => noise.test(frame));
console.log(`\nbusy stretches over ${values.long} ms: ${tasks.length}`);
for (const task of tasks.slice(0, 10)) {
  console.log(`\n  at ${(task.atMs / 1000).toFixed(2)} s, ${task.ms.toFixed(0)} ms:`);
  for (const f of task.frames.slice(0, 8)) console.log(`${f.ms.toFixed(0).padStart(9)}  ${f.frame}`);
}
