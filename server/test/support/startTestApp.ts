import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvoiceInit, Role } from '@cofacture/shared';
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

async function demoOrg(app: TestApp): Promise<{ orgId: string; aliceId: string }> {
  const alice = await app.services.directory.authenticate('alice@demo.test', 'cofacture-demo');
  const [membership] = app.services.directory.memberships(alice.id);
  if (!membership) throw new Error('The demo organisation is missing.');
  return { orgId: membership.orgId, aliceId: alice.id };
}

/** A further user with the given roles in the demo organisation (the seed has one per role). */
export async function addDemoUser(app: TestApp, email: string, name: string, roles: Role[]): Promise<void> {
  const { orgId } = await demoOrg(app);
  const user = await app.services.directory.createUser({ email, name, password: 'cofacture-demo' });
  app.services.directory.setRoles(orgId, user.id, roles);
}

/** Creates an invoice directly in a given workflow state (the workflow itself is not under test). */
export async function createInState(app: TestApp, init: InvoiceInit): Promise<string> {
  const { orgId, aliceId } = await demoOrg(app);
  return app.services.invoices.create(orgId, aliceId, init).id;
}
