import type { InvoiceKind, InvoiceStatus, InvoiceSummary } from '@cofacture/shared';
import type { Db } from '../db/openDatabase.ts';

/** The `invoices` table: what lists and reports query, kept in step with each document. */
export interface IndexedFields {
  status: InvoiceStatus;
  kind: InvoiceKind;
  number: string | null;
  buyerName: string;
  currency: string;
  netTotal: string;
  grossTotal: string;
  issueDate: string;
  dueDate: string;
}

const CONTENT_KEYS = ['buyerName', 'currency', 'netTotal', 'grossTotal', 'issueDate', 'dueDate'] as const;

const COLUMNS = `id, org_id AS orgId, status, kind, number, buyer_name AS buyerName, currency,
  net_total AS netTotal, gross_total AS grossTotal, issue_date AS issueDate, due_date AS dueDate,
  created_at AS createdAt, updated_at AS updatedAt`;

const SQL = {
  insert: `INSERT INTO invoices (id, org_id, status, kind, number, buyer_name, currency, net_total, gross_total,
    issue_date, due_date, created_by, created_at, updated_at)
    VALUES (@id, @orgId, @status, @kind, @number, @buyerName, @currency, @netTotal, @grossTotal, @issueDate, @dueDate,
    @createdBy, @now, @now)`,
  update: `UPDATE invoices SET buyer_name = @buyerName, currency = @currency, net_total = @netTotal, gross_total = @grossTotal, issue_date = @issueDate,
    due_date = @dueDate, updated_at = @now WHERE id = @id`,
  get: `SELECT ${COLUMNS} FROM invoices WHERE id = ?`,
  orgOf: 'SELECT org_id AS orgId FROM invoices WHERE id = ?',
} as const;

export interface ListFilter {
  orgIds: readonly string[];
  status?: InvoiceStatus;
  q?: string;
  limit: number;
}

export class InvoiceIndex {
  private readonly stmt;

  constructor(private readonly db: Db) {
    this.stmt = {
      insert: db.prepare(SQL.insert),
      update: db.prepare(SQL.update),
      get: db.prepare<[string], InvoiceSummary>(SQL.get),
      orgOf: db.prepare<[string], { orgId: string }>(SQL.orgOf),
    };
  }

  insert(id: string, orgId: string, createdBy: string, fields: IndexedFields): void {
    this.stmt.insert.run({ id, orgId, createdBy, now: new Date().toISOString(), ...fields });
  }

  /**
   * Copies the document's content fields into the row. Status, number and kind are not
   * copied: the workflow writes them here first, authoritatively, then into the document.
   * Returns the new summary when a listed field changed, null when nothing did.
   */
  update(id: string, fields: IndexedFields): InvoiceSummary | null {
    const current = this.get(id);
    if (!current) return null;
    if (!CONTENT_KEYS.some((key) => current[key] !== fields[key])) return null;
    const content = Object.fromEntries(CONTENT_KEYS.map((key) => [key, fields[key]]));
    this.stmt.update.run({ id, now: new Date().toISOString(), ...content });
    return this.get(id);
  }

  get(id: string): InvoiceSummary | null {
    return this.stmt.get.get(id) ?? null;
  }

  orgOf(id: string): string | null {
    return this.stmt.orgOf.get(id)?.orgId ?? null;
  }

  list(filter: ListFilter): InvoiceSummary[] {
    if (filter.orgIds.length === 0) return [];
    const where = [`org_id IN (${filter.orgIds.map(() => '?').join(', ')})`];
    const params: (string | number)[] = [...filter.orgIds];
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.q) {
      // LIKE with escaped wildcards: the search box must not be a pattern language.
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push("(buyer_name LIKE ? ESCAPE '\\' OR number LIKE ? ESCAPE '\\')");
      params.push(pattern, pattern);
    }
    params.push(filter.limit);
    return this.db
      .prepare<(string | number)[], InvoiceSummary>(
        `SELECT ${COLUMNS} FROM invoices WHERE ${where.join(' AND ')} ORDER BY updated_at DESC LIMIT ?`,
      )
      .all(...params);
  }
}
