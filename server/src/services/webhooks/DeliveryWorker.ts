import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/openDatabase.ts';
import { type SendRow, SQL } from './queries.ts';

export interface RetryPolicy {
  /** Wait after the first failed attempt; each further failure doubles it. */
  retryBaseMs: number;
  /** Attempts in all, the first included; after the last failure the delivery is `failed`. */
  maxAttempts: number;
  /** A request that has not answered by then counts as a failed attempt. */
  timeoutMs: number;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export const SIGNATURE_HEADER = 'x-cofacture-signature';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, what receivers recompute with their secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Sends stored deliveries, off the request path: each pending delivery has a timer for its next
 * attempt; every attempt is logged (status code or error, duration) and settles the delivery as
 * delivered, pending again (exponential backoff) or failed. State lives in SQLite, so `start()`
 * after a restart picks up whatever was still pending.
 */
export class DeliveryWorker {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Map<string, AbortController>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly policy: RetryPolicy,
  ) {
    this.stmt = {
      pending: db.prepare<[], { id: string; nextAttemptAt: number | null }>(SQL.pending),
      toSend: db.prepare<[string], SendRow>(SQL.toSend),
      insertAttempt: db.prepare(SQL.insertAttempt),
      settle: db.prepare(SQL.settle),
    };
  }

  start(): void {
    for (const row of this.stmt.pending.all()) this.schedule(row.id, row.nextAttemptAt ?? Date.now());
  }

  schedule(deliveryId: string, atMs: number): void {
    if (this.closed) return;
    clearTimeout(this.timers.get(deliveryId));
    const delay = Math.max(0, atMs - Date.now());
    // setTimeout cannot wait longer than 2^31 - 1 ms: a longer wait goes in steps.
    if (delay > MAX_TIMER_MS) {
      this.arm(deliveryId, MAX_TIMER_MS, () => this.schedule(deliveryId, atMs));
      return;
    }
    this.arm(deliveryId, delay, () => {
      const run = this.attempt(deliveryId)
        .catch((error: unknown) => console.error(`Webhook delivery ${deliveryId} failed:`, error))
        .finally(() => this.running.delete(run));
      this.running.add(run);
    });
  }

  private arm(deliveryId: string, delay: number, fire: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(deliveryId);
      fire();
    }, delay);
    timer.unref();
    this.timers.set(deliveryId, timer);
  }

  /** Stops scheduling and aborts requests in flight; those stay pending for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight.values()) controller.abort();
    await Promise.allSettled([...this.running]);
  }

  private async attempt(deliveryId: string): Promise<void> {
    if (this.closed || this.inFlight.has(deliveryId)) return;
    // Gone (webhook deleted) or already settled: nothing to send.
    const row = this.stmt.toSend.get(deliveryId);
    if (!row) return;
    const controller = new AbortController();
    this.inFlight.set(deliveryId, controller);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(row.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Cofacture-Webhooks/1',
          [SIGNATURE_HEADER]: signature(row.secret, row.payload),
          'x-cofacture-event': row.event,
          'x-cofacture-delivery': row.id,
        },
        body: row.payload,
        // A redirect is an answer like any non-2xx: never follow it somewhere else.
        redirect: 'manual',
        signal: AbortSignal.any([controller.signal, AbortSignal.timeout(this.policy.timeoutMs)]),
      });
      statusCode = response.status;
      await response.body?.cancel();
    } catch (caught) {
      error = describe(caught, this.policy.timeoutMs);
    } finally {
      this.inFlight.delete(deliveryId);
    }
    // Shutting down mid-request: not an attempt the receiver failed; retry after the restart.
    if (controller.signal.aborted) return;
    const durationMs = Math.round(performance.now() - started);
    const next = this.db.transaction(() => this.record(row, statusCode, error, durationMs))();
    if (next !== null) this.schedule(deliveryId, next);
  }

  /** Logs the attempt and settles the delivery; returns when to try again, if at all. */
  private record(
    row: SendRow,
    statusCode: number | null,
    error: string | null,
    durationMs: number,
  ): number | null {
    const attempt = row.attempts + 1;
    const at = new Date().toISOString();
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const retry = !ok && attempt < this.policy.maxAttempts;
    const nextAttemptAt = retry ? Date.now() + this.policy.retryBaseMs * 2 ** (attempt - 1) : null;
    const { changes } = this.stmt.settle.run({
      deliveryId: row.id,
      status: ok ? 'delivered' : retry ? 'pending' : 'failed',
      attempt,
      nextAttemptAt,
      at,
    });
    // Deleted with its webhook while the request was out: nothing left to log or retry.
    if (changes === 0) return null;
    this.stmt.insertAttempt.run({ deliveryId: row.id, attempt, at, statusCode, error, durationMs });
    return nextAttemptAt;
  }
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `${cause.code}: ${cause.message ?? ''}`.trim();
  return error instanceof Error ? error.message : String(error);
}
