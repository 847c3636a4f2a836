import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { type Db, openDatabase } from '../db/openDatabase.ts';
import type { DocStore } from '../store/DocStore.ts';
import { SqliteDocStore } from '../store/SqliteDocStore.ts';
import { AuditService } from './audit/AuditService.ts';
import { Directory } from './Directory.ts';
import { InvoiceEvents } from './InvoiceEvents.ts';
import { InvoiceIndex } from './InvoiceIndex.ts';
import { InvoiceService } from './InvoiceService.ts';
import { MemberService } from './MemberService.ts';
import { NotificationService } from './notifications/NotificationService.ts';
import { QueueService } from './queue/QueueService.ts';
import { TemplateService } from './templates/TemplateService.ts';
import { loadJwtSecret, Tokens } from './tokens.ts';
import { WebhookService } from './webhooks/WebhookService.ts';
import { WorkflowService } from './workflow/WorkflowService.ts';

export interface Services {
  db: Db;
  store: DocStore;
  directory: Directory;
  index: InvoiceIndex;
  events: InvoiceEvents;
  invoices: InvoiceService;
  members: MemberService;
  workflow: WorkflowService;
  audit: AuditService;
  tokens: Tokens;
  notifications: NotificationService;
  webhooks: WebhookService;
  templates: TemplateService;
  queue: QueueService;
}

export const DB_FILE = 'cofacture.sqlite';

export function createServices(config: Config): Services {
  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(join(config.dataDir, DB_FILE), { synchronous: config.sqliteSynchronous });
  const store = new SqliteDocStore(db);
  const index = new InvoiceIndex(db);
  const events = new InvoiceEvents();
  const directory = new Directory(db);
  const invoices = new InvoiceService(db, store, index, events);
  const workflow = new WorkflowService(db, store, index, invoices, events);
  const notifications = new NotificationService(db, directory, index);
  const webhooks = new WebhookService(db, {
    retryBaseMs: config.webhookRetryBaseMs,
    maxAttempts: config.webhookMaxAttempts,
    timeoutMs: config.webhookTimeoutMs,
  });
  workflow.onPerformed(notifications.onPerformed);
  workflow.onPerformed(webhooks.onPerformed);
  return {
    db,
    store,
    index,
    events,
    directory,
    members: new MemberService(db, directory),
    invoices,
    workflow,
    audit: new AuditService(db, store, { checkpointEvery: config.snapshotEvery }),
    tokens: new Tokens(loadJwtSecret(config.dataDir, config.jwtSecret), config.tokenTtlSeconds),
    notifications,
    webhooks,
    templates: new TemplateService(db),
    queue: new QueueService(db, workflow),
  };
}
