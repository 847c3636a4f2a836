import type {
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  Extension,
  onChangePayload,
} from '@hocuspocus/server';
import type { AuditService } from '../../services/audit/AuditService.ts';
import type { Refusal } from '../guard/GuardExtension.ts';

export interface AuditExtensionOptions {
  /** Quiet time after the last change before the document's new rows are projected. */
  delayMs: number;
  /** A document edited without pause is still projected at least this often. */
  maxWaitMs: number;
  /** Rows projected per slice (~160 µs each). */
  rowsPerSlice: number;
  /** Event-loop time all projection together may take per turn, whatever the number of documents. */
  budgetMs: number;
}

const DEFAULTS: AuditExtensionOptions = { delayMs: 2000, maxWaitMs: 30_000, rowsPerSlice: 10, budgetMs: 3 };

/**
 * Keeps the change log (DESIGN §5) in step with each document, off the hot path: the update
 * itself costs only the persistence append; entries are projected from the log a moment later,
 * also after the document unloads (the projector reads only the log). `/history` projects on
 * demand too, so a reader never waits for this.
 *
 * Documents whose projection is due wait in one queue, served round-robin, a slice at a time,
 * within a time budget per turn of the event loop: when a hundred documents go quiet at once,
 * their projections must not run back to back between two edits of the documents still busy.
 */
export class AuditExtension implements Extension {
  priority = 200;
  extensionName = 'cofacture-audit';
  private readonly options: AuditExtensionOptions;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents due for a slice, oldest first. */
  private readonly due = new Set<string>();
  private pumping = false;
  /** When the first change still waiting to be projected arrived, per document. */
  private readonly waitingSince = new Map<string, number>();
  /** Unloaded documents whose projection is not finished: their cursor goes once it is. */
  private readonly unloaded = new Set<string>();
  /** Documents unload after shutdown began; by then the database may be closed. */
  private destroyed = false;

  constructor(
    private readonly audit: AuditService,
    options: Partial<AuditExtensionOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** The guard's `onRejected` listener: the refused attempt is recorded for the log. */
  readonly onRejected = (documentName: string, userId: string, refusals: readonly Refusal[]): void => {
    this.audit.recordRejection(documentName, userId, refusals);
  };

  /**
   * Projection waits for a quiet moment (busy documents are exactly when the event loop is
   * needed for edits), but never longer than `maxWaitMs` after the first pending change.
   */
  async onChange({ documentName }: onChangePayload): Promise<void> {
    const now = Date.now();
    const since = this.waitingSince.get(documentName) ?? now;
    this.waitingSince.set(documentName, since);
    const delay = Math.min(this.options.delayMs, Math.max(0, since + this.options.maxWaitMs - now));
    this.cancel(documentName);
    this.schedule(documentName, delay);
  }

  async afterLoadDocument({ documentName }: afterLoadDocumentPayload): Promise<void> {
    this.unloaded.delete(documentName);
  }

  /**
   * The last client left: what it wrote is projected now, still in slices. Projecting a long
   * backlog in one go here stalled every other document for as long (≈ 1 s per 10 000 rows).
   */
  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.unloaded.add(documentName);
    this.cancel(documentName);
    this.enqueue(documentName);
  }

  async onDestroy(): Promise<void> {
    this.destroyed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.due.clear();
  }

  private schedule(name: string, delayMs: number): void {
    if (this.destroyed || this.timers.has(name)) return;
    const timer = setTimeout(() => {
      this.timers.delete(name);
      this.enqueue(name);
    }, delayMs);
    timer.unref();
    this.timers.set(name, timer);
  }

  private cancel(name: string): void {
    const timer = this.timers.get(name);
    if (timer) clearTimeout(timer);
    this.timers.delete(name);
    this.due.delete(name);
  }

  private enqueue(name: string): void {
    if (this.destroyed) return;
    this.due.add(name);
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(this.pump);
  }

  /** One turn's share of projection; I/O (edits) gets the event loop between turns. */
  private readonly pump = (): void => {
    const start = performance.now();
    while (this.due.size > 0 && !this.destroyed && performance.now() - start < this.options.budgetMs) {
      const name = this.due.values().next().value as string;
      this.due.delete(name);
      this.slice(name);
    }
    this.pumping = this.due.size > 0 && !this.destroyed;
    if (this.pumping) setImmediate(this.pump);
  };

  private slice(name: string): void {
    this.waitingSince.delete(name);
    try {
      const result = this.audit.projector.project(name, { maxRows: this.options.rowsPerSlice });
      // Back of the queue: the other due documents get their slice first.
      if (!result.caughtUp) this.due.add(name);
      // An open typing group becomes final once its author has been idle long enough.
      else if (result.closesAt !== null) this.schedule(name, Math.max(0, result.closesAt - Date.now()) + 10);
      else if (this.unloaded.delete(name)) this.audit.projector.forget(name);
    } catch (error) {
      // The log is intact whatever happens here; the next run or /history retries from the watermark.
      console.error(`Audit projection of ${name} failed:`, error);
      this.audit.projector.forget(name);
    }
  }
}
