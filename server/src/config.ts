import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  JWT_SECRET: z.string().optional(),
  SEED_DEMO: bool.default(true),
  TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 3600),
  MAX_WS_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 * 1024),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  SNAPSHOT_EVERY: z.coerce.number().int().min(1).default(500),
  LOCK_IDLE_SECONDS: z.coerce.number().positive().default(300),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  CLIENT_DIST: z.string().optional(),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(2000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('warn'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  jwtSecret: string | undefined;
  seedDemo: boolean;
  tokenTtlSeconds: number;
  maxWsMessageBytes: number;
  maxBodyBytes: number;
  snapshotEvery: number;
  lockIdleMs: number;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  clientDist: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  webhookRetryBaseMs: number;
  webhookMaxAttempts: number;
  webhookTimeoutMs: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv, root: string): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration in the environment: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(root, e.DATA_DIR),
    jwtSecret: e.JWT_SECRET,
    seedDemo: e.SEED_DEMO,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    maxWsMessageBytes: e.MAX_WS_MESSAGE_BYTES,
    maxBodyBytes: e.MAX_BODY_BYTES,
    snapshotEvery: e.SNAPSHOT_EVERY,
    lockIdleMs: e.LOCK_IDLE_SECONDS * 1000,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    clientDist: resolve(root, e.CLIENT_DIST ?? 'client/dist'),
    logLevel: e.LOG_LEVEL,
    webhookRetryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
    webhookMaxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
  };
}
