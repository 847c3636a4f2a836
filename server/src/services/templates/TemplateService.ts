import { randomUUID } from 'node:crypto';
import {
  docName,
  type Invoice,
  type InvoiceInit,
  isDecimalString,
  PARTY_FIELDS,
  type Party,
  readInvoice,
} from '@cofacture/shared';
import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { Db } from '../../db/openDatabase.ts';
import { AppError } from '../errors.ts';

export interface TemplateLine {
  description: string;
  quantity: string;
  unitPrice: string;
  /** Empty: the template's `vatRate` applies. */
  vatRate: string;
}

/** What a template holds; every field is required on create and replace (PUT). */
export interface TemplateContent {
  name: string;
  currency: string;
  seller: Partial<Party>;
  /** Payment terms, as plain text (paragraphs separated by newlines). */
  terms: string;
  lines: TemplateLine[];
  /** The default VAT rate, for lines that give none. */
  vatRate: string;
  /** Due date = issue date + this many days. */
  dueDays: number;
}

export interface InvoiceTemplate extends TemplateContent {
  id: string;
  orgId: string;
  createdAt: string;
  updatedAt: string;
}

const SQL = {
  insert: `INSERT INTO invoice_templates (id, org_id, name, content, created_by, created_at, updated_at)
    VALUES (@id, @orgId, @name, @content, @createdBy, @at, @at)`,
  update:
    'UPDATE invoice_templates SET name = @name, content = @content, updated_at = @at WHERE id = @id AND org_id = @orgId',
  delete: 'DELETE FROM invoice_templates WHERE id = ? AND org_id = ?',
  list: `SELECT id, org_id AS orgId, name, content, created_at AS createdAt, updated_at AS updatedAt
    FROM invoice_templates WHERE org_id = ? ORDER BY name`,
  get: `SELECT id, org_id AS orgId, name, content, created_at AS createdAt, updated_at AS updatedAt
    FROM invoice_templates WHERE id = ?`,
} as const;

interface TemplateRow {
  id: string;
  orgId: string;
  name: string;
  content: string;
  createdAt: string;
  updatedAt: string;
}

const DEFAULT_VAT_RATE = '20';
const DEFAULT_DUE_DAYS = 30;
export const MAX_DUE_DAYS = 365;

/** Org invoice templates: a seller block, payment terms, default lines, a VAT rate and due-days. */
export class TemplateService {
  private hocuspocus: Hocuspocus | null = null;
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      insert: db.prepare(SQL.insert),
      update: db.prepare(SQL.update),
      delete: db.prepare(SQL.delete),
      list: db.prepare<[string], TemplateRow>(SQL.list),
      get: db.prepare<[string], TemplateRow>(SQL.get),
    };
  }

  /** The collaboration server, where invoices saved as templates are read; set once it exists. */
  attach(hocuspocus: Hocuspocus): void {
    this.hocuspocus = hocuspocus;
  }

  list(orgId: string): InvoiceTemplate[] {
    return this.stmt.list.all(orgId).map(toTemplate);
  }

  /** A template of one of `orgIds`; the same 404 for "no such template" and "not yours". */
  get(id: string, orgIds: readonly string[]): InvoiceTemplate {
    const row = this.stmt.get.get(id);
    if (!row || !orgIds.includes(row.orgId))
      throw new AppError('not_found', `No template ${id} in your organisations.`);
    return toTemplate(row);
  }

  create(orgId: string, userId: string, content: TemplateContent): InvoiceTemplate {
    const id = randomUUID();
    const at = new Date().toISOString();
    const row = {
      id,
      orgId,
      name: content.name,
      content: JSON.stringify(body(content)),
      createdBy: userId,
      at,
    };
    uniqueName(() => this.stmt.insert.run(row), content.name);
    return this.get(id, [orgId]);
  }

  replace(orgId: string, id: string, content: TemplateContent): InvoiceTemplate {
    const at = new Date().toISOString();
    const { changes } = uniqueName(
      () =>
        this.stmt.update.run({ id, orgId, name: content.name, content: JSON.stringify(body(content)), at }),
      content.name,
    );
    if (changes === 0) throw new AppError('not_found', `No template ${id} in this organisation.`);
    return this.get(id, [orgId]);
  }

  remove(orgId: string, id: string): void {
    if (this.stmt.delete.run(id, orgId).changes === 0)
      throw new AppError('not_found', `No template ${id} in this organisation.`);
  }

  /** A new invoice's content: dated today, due `dueDays` later, lines with the default rate. */
  initFrom(template: InvoiceTemplate, today = new Date()): InvoiceInit {
    const issueDate = isoDate(today);
    return {
      currency: template.currency,
      issueDate,
      dueDate: isoDate(new Date(Date.parse(issueDate) + template.dueDays * 86_400_000)),
      seller: template.seller,
      terms: template.terms,
      lines: template.lines.map((line) => ({ ...line, vatRate: line.vatRate || template.vatRate })),
    };
  }

  /** The invoice's seller, terms and lines, its most common VAT rate and its payment delay. */
  async saveFromInvoice(
    orgId: string,
    userId: string,
    invoiceId: string,
    name: string,
  ): Promise<InvoiceTemplate> {
    const invoice = await this.read(invoiceId);
    return this.create(orgId, userId, contentOf(invoice, name));
  }

  private async read(invoiceId: string): Promise<Invoice> {
    if (!this.hocuspocus) throw new AppError('internal', 'The collaboration server is not running.');
    const connection = await this.hocuspocus.openDirectConnection(docName(invoiceId), { templates: true });
    try {
      return readInvoice(connection.document as Y.Doc);
    } finally {
      await connection.disconnect();
    }
  }
}

export function contentOf(invoice: Invoice, name: string): TemplateContent {
  const decimal = (value: string) => (isDecimalString(value.trim()) ? value.trim() : '');
  const seller = Object.fromEntries(PARTY_FIELDS.map((field) => [field, invoice.seller[field]])) as Party;
  return {
    name,
    currency: invoice.currency,
    seller,
    terms: invoice.terms,
    lines: invoice.lines.map((line) => ({
      description: line.description,
      quantity: decimal(line.quantity),
      unitPrice: decimal(line.unitPrice),
      vatRate: decimal(line.vatRate),
    })),
    vatRate:
      mostCommon(invoice.lines.map((line) => decimal(line.vatRate)).filter((r) => r !== '')) ??
      DEFAULT_VAT_RATE,
    dueDays: daysBetween(invoice.issueDate, invoice.dueDate) ?? DEFAULT_DUE_DAYS,
  };
}

/** The value seen most often; on a tie the one seen first. */
function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(from) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(to) ||
    Number.isNaN(a) ||
    Number.isNaN(b)
  )
    return null;
  const days = Math.round((b - a) / 86_400_000);
  return days >= 0 && days <= MAX_DUE_DAYS ? days : null;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function body(content: TemplateContent): Omit<TemplateContent, 'name'> {
  const { name: _name, ...rest } = content;
  return rest;
}

function toTemplate(row: TemplateRow): InvoiceTemplate {
  const content = JSON.parse(row.content) as Omit<TemplateContent, 'name'>;
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    ...content,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function uniqueName<T>(write: () => T, name: string): T {
  try {
    return write();
  } catch (error) {
    if (String(error).includes('UNIQUE'))
      throw new AppError('conflict', `A template named "${name}" already exists in this organisation.`);
    throw error;
  }
}
