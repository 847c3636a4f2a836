import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './servers/spawn.ts';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
}

export function machineInfo(): MachineInfo {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

const PACKAGES: [string, string][] = [
  ['@hocuspocus/server', 'bench'],
  ['@hocuspocus/provider', 'bench'],
  ['@y/websocket-server', 'bench'],
  ['y-websocket', 'bench'],
  ['yjs', 'bench'],
  ['ws', 'bench'],
  ['better-sqlite3', 'server'],
];

/** Versions as installed (read from their package.json files, nothing is loaded). */
export function versions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, workspace] of PACKAGES) {
    try {
      const file = join(REPO_ROOT, workspace, 'node_modules', name, 'package.json');
      out[name] = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      out[name] = 'not installed';
    }
  }
  try {
    const header = readFileSync(
      join(REPO_ROOT, 'server/node_modules/better-sqlite3/deps/sqlite3/sqlite3.h'),
      'utf8',
    );
    out.sqlite = /#define SQLITE_VERSION\s+"([^"]+)"/.exec(header)?.[1] ?? 'unknown';
  } catch {
    out.sqlite = 'unknown';
  }
  return out;
}
