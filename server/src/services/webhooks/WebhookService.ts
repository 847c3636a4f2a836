import { randomBytes, randomUUID } from 'node:crypto';
import type { InvoiceSummary, WorkflowAction } from '@cofacture/shared';
import type { Db } from '../../db/openDatabase.ts';
import { AppError } from '../errors.ts';
import type { PerformedAction } from '../workflow/WorkflowService.ts';
import { DeliveryWorker, type RetryPolicy } from './DeliveryWorker.ts';
import { type AttemptRow, type DeliveryRow, type HookRow, SQL } from './queries.ts';

export interface Webhook {
  id: string;
  orgId: string;
  url: string;
  /** The actions it receives; null for every action. */
  events: WorkflowAction[] | null;
  createdAt: string;
}

/** The JSON body of every delivery (contract for receivers). */
export interface WebhookPayload {
  /** The delivery id, also sent as `X-Cofacture-Delivery`: the same on every retry. */
  id: string;
  event: WorkflowAction;
  at: string;
  invoice: InvoiceSummary;
  actor: { id: string; name: string };
  reason?: string;
  creditNoteId?: string;
}

export interface WebhookAttempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDelivery {
  id: string;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  createdAt: string;
  updatedAt: string;
  nextAttemptAt: string | null;
  payload: WebhookPayload;
  attempts: WebhookAttempt[];
}

/**
 * Per-organisation webhooks for workflow actions. Deliveries are written in the same
 * synchronous step that hears of the action (so a crash right after the action loses none)
 * and sent later by the `DeliveryWorker`; the action's request never waits for a receiver.
 */
export class WebhookService {
  private readonly worker: DeliveryWorker;
  private readonly stmt;

  constructor(
    private readonly db: Db,
    policy: RetryPolicy,
  ) {
    this.worker = new DeliveryWorker(db, policy);
    this.stmt = {
      insertHook: db.prepare(SQL.insertHook),
      hooks: db.prepare<[string], HookRow>(SQL.hooks),
      hook: db.prepare<[string, string], HookRow>(SQL.hook),
      deleteHook: db.prepare(SQL.deleteHook),
      insertDelivery: db.prepare(SQL.insertDelivery),
      deliveries: db.prepare<[string, number], DeliveryRow>(SQL.deliveries),
      attemptsOf: db.prepare<[string, number], AttemptRow>(SQL.attemptsOf),
    };
  }

  /** Resumes deliveries left pending by the previous run. */
  start(): void {
    this.worker.start();
  }

  close(): Promise<void> {
    return this.worker.close();
  }

  /** The secret is returned here only: receivers need it, nobody can read it back later. */
  create(
    orgId: string,
    createdBy: string,
    input: { url: string; events?: WorkflowAction[] },
  ): { webhook: Webhook; secret: string } {
    const row: HookRow = {
      id: randomUUID(),
      orgId,
      url: input.url,
      events: input.events ? JSON.stringify([...new Set(input.events)]) : null,
      createdAt: new Date().toISOString(),
    };
    const secret = `whsec_${randomBytes(32).toString('hex')}`;
    this.stmt.insertHook.run({ ...row, secret, createdBy });
    return { webhook: toWebhook(row), secret };
  }

  list(orgId: string): Webhook[] {
    return this.stmt.hooks.all(orgId).map(toWebhook);
  }

  /** Its deliveries go with it, pending ones included. */
  remove(orgId: string, id: string): void {
    if (this.stmt.deleteHook.run(id, orgId).changes === 0)
      throw new AppError('not_found', 'No such webhook in this organisation.');
  }

  deliveries(orgId: string, webhookId: string, limit: number): WebhookDelivery[] {
    if (!this.stmt.hook.get(webhookId, orgId))
      throw new AppError('not_found', 'No such webhook in this organisation.');
    const attempts = new Map<string, WebhookAttempt[]>();
    for (const { deliveryId, ...attempt } of this.stmt.attemptsOf.all(webhookId, limit)) {
      attempts.set(deliveryId, [...(attempts.get(deliveryId) ?? []), attempt]);
    }
    return this.stmt.deliveries.all(webhookId, limit).map((row) => ({
      id: row.id,
      event: row.event,
      status: row.status as WebhookDelivery['status'],
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      nextAttemptAt:
        row.status === 'pending' && row.nextAttemptAt !== null
          ? new Date(row.nextAttemptAt).toISOString()
          : null,
      payload: JSON.parse(row.payload) as WebhookPayload,
      attempts: attempts.get(row.id) ?? [],
    }));
  }

  /** Called synchronously by the workflow after each action; never throws into that request. */
  readonly onPerformed = (event: PerformedAction): void => {
    try {
      const queued = this.enqueue(event);
      const now = Date.now();
      for (const id of queued) this.worker.schedule(id, now);
    } catch (error) {
      console.error('Queueing webhook deliveries failed:', error);
    }
  };

  private enqueue(event: PerformedAction): string[] {
    const hooks = this.stmt.hooks
      .all(event.invoice.orgId)
      .map(toWebhook)
      .filter((hook) => hook.events === null || hook.events.includes(event.action));
    const createdAt = new Date().toISOString();
    return this.db.transaction(() =>
      hooks.map((hook) => {
        const id = randomUUID();
        const payload: WebhookPayload = {
          id,
          event: event.action,
          at: createdAt,
          invoice: event.invoice,
          actor: { id: event.actor.userId, name: event.actor.name },
          ...(event.reason ? { reason: event.reason } : {}),
          ...(event.creditNoteId ? { creditNoteId: event.creditNoteId } : {}),
        };
        this.stmt.insertDelivery.run({
          id,
          webhookId: hook.id,
          event: event.action,
          payload: JSON.stringify(payload),
          nextAttemptAt: Date.now(),
          createdAt,
        });
        return id;
      }),
    )();
  }
}

function toWebhook(row: HookRow): Webhook {
  return {
    id: row.id,
    orgId: row.orgId,
    url: row.url,
    events: row.events === null ? null : (JSON.parse(row.events) as WorkflowAction[]),
    createdAt: row.createdAt,
  };
}
