import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST_INDEX = join(ROOT, 'client/dist/index.html');
// Everything the bundle is made of: a change in any of these makes the build stale.
const SOURCES = [
  'client/src',
  'client/index.html',
  'client/vite.config.ts',
  'client/package.json',
  'shared/src',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when client/dist is missing or older than any client or shared source. */
export function clientBuildIsStale(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const built = statSync(DIST_INDEX).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(ROOT, source)) > built);
}

/** Builds the client the server serves, unless the existing build is current. */
export function ensureClientBuilt(): void {
  if (!clientBuildIsStale()) return;
  console.log('e2e: client/dist is missing or stale, running `pnpm --filter @cofacture/client build`');
  // Vitest sets NODE_ENV=test, which would make Vite bundle the development builds of React
  // and Lexical: the tests must run what people get.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync('pnpm', ['--filter', '@cofacture/client', 'build'], { cwd: ROOT, stdio: 'inherit', env });
}
