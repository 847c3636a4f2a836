import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningApp, startApp } from '../../src/app.ts';
import { configFromEnv } from '../../src/config.ts';
import { REPO_ROOT } from './spawnServer.ts';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApp extends RunningApp {
  wsUrl: string;
  dataDir: string;
}

/** The real server in this process, on a free port with a fresh data dir and the demo seed. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cofacture-test-'));
  const config = configFromEnv(
    {
      PORT: '0',
      DATA_DIR: dataDir,
      SEED_DEMO: '1',
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      ...env,
    },
    REPO_ROOT,
  );
  const app = await startApp(config);
  return { ...app, wsUrl: `ws://127.0.0.1:${app.port}/collab`, dataDir };
}
