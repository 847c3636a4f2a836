import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface ServerProcess {
  pid: number;
  port: number;
  /** Everything the server printed, for error reports. */
  output(): string;
  /** SIGTERM, then wait for the exit (a CPU profile, if asked for, is written then). */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** The script, relative to the repository root; it runs under tsx. */
  script: string;
  env?: Record<string, string>;
  /** Extra `node` flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** Matches the line that tells the port the server got. */
  listening: RegExp;
  /** Where the script and its node_modules are (default: this repository). */
  cwd?: string;
}

/** Starts a server as its own process on a free loopback port and waits until it listens. */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', options.script],
    {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.script} did not start in 60 s:\n${output}`)),
      60_000,
    );
    const onData = () => {
      const match = options.listening.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.script} exited with ${code} before listening:\n${output}`));
    });
  });
  if (child.pid === undefined) throw new Error(`${options.script} has no pid`);
  const pid = child.pid;
  livePids.add(pid);
  child.once('exit', () => livePids.delete(pid));
  return {
    pid,
    port,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/** Pids of the servers this run started and that still run: the bench's own CPU, with its own. */
export const livePids = new Set<number>();
