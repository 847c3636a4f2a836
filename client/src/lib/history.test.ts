import type { AuditEntry } from '@cofacture/shared/audit/index.ts';
import { describe, expect, it } from 'vitest';
import {
  authorsOf,
  canAudit,
  describeEntry,
  fileNameFrom,
  filterQuery,
  integrityBadge,
  NO_FILTERS,
  replayStops,
  stopIndexAt,
  userColor,
} from './history.ts';

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  final: true,
  seqFrom: 1,
  seqTo: 1,
  atFrom: '2026-12-03T10:00:00.000Z',
  atTo: '2026-12-03T10:00:00.000Z',
  userId: 'u-alice',
  userName: 'Alice',
  kind: 'edit',
  path: '',
  summary: 'invoice created',
  reason: null,
  change: null,
  ...patch,
});

describe('history', () => {
  it('builds the query from the filters, leaving empty ones out', () => {
    expect(filterQuery(NO_FILTERS).toString()).toBe('');
    const query = filterQuery({
      ...NO_FILTERS,
      user: 'u1',
      kind: 'edit',
      path: ' buyer ',
      from: '2026-12-03T10:00',
    });
    expect(query.get('user')).toBe('u1');
    expect(query.get('kind')).toBe('edit');
    expect(query.get('path')).toBe('buyer');
    expect(query.get('from')).toBe(new Date('2026-12-03T10:00').toISOString());
    expect(query.has('to')).toBe(false);
    // "to" takes the whole minute
    expect(filterQuery({ ...NO_FILTERS, to: '2026-12-03T10:00' }).get('to')).toBe(
      new Date(new Date('2026-12-03T10:00').getTime() + 59_999).toISOString(),
    );
  });

  it('has one replay stop per entry, pending ones included, in log order', () => {
    const stops = replayStops(
      [entry({ seqFrom: 1, seqTo: 1 }), entry({ seqFrom: 2, seqTo: 5 })],
      [entry({ id: null, final: false, seqFrom: 6, seqTo: 8 })],
    );
    expect(stops.map((stop) => stop.seq)).toEqual([1, 5, 8]);
    expect(stopIndexAt(stops, 4)).toBe(0);
    expect(stopIndexAt(stops, 5)).toBe(1);
    expect(stopIndexAt(stops, 100)).toBe(2);
  });

  it('gives each person one stable colour', () => {
    expect(userColor('u-alice')).toBe(userColor('u-alice'));
    expect(userColor('u-alice')).not.toBe(userColor('u-bob'));
    expect(userColor('u-alice')).toMatch(/^hsl\(\d+ 65% 40%\)$/);
  });

  it('lists authors once, in order of appearance', () => {
    const list = [entry({}), entry({ userId: 'u-bob', userName: 'Bob' }), entry({})];
    expect(authorsOf(list)).toEqual([
      { userId: 'u-alice', userName: 'Alice' },
      { userId: 'u-bob', userName: 'Bob' },
    ]);
  });

  it('says changes in words', () => {
    expect(
      describeEntry(
        entry({ change: { type: 'value', path: 'buyer.name', before: 'ACME', after: 'ACME SAS' } }),
      ),
    ).toBe('Buyer name: “ACME” → “ACME SAS”');
    expect(
      describeEntry(
        entry({
          change: {
            type: 'value',
            path: 'lines.l2.quantity',
            before: '1',
            after: '',
            line: { id: 'l2', number: 2, description: 'Print' },
          },
        }),
      ),
    ).toBe('Quantity, line 2: “1” → (empty)');
    const values = { id: 'l3', description: 'Print', quantity: '1', unitPrice: '2', vatRate: '20' };
    expect(
      describeEntry(
        entry({
          change: {
            type: 'lineInserted',
            path: 'lines.l3',
            line: { id: 'l3', number: 3, description: 'Print' },
            values,
          },
        }),
      ),
    ).toBe('Line 3 added (Print)');
    expect(describeEntry(entry({ kind: 'create' }))).toBe('Invoice created');
    expect(describeEntry(entry({ kind: 'rejected', summary: 'status edit', reason: 'not allowed' }))).toBe(
      'Refused: Status edit (not allowed)',
    );
  });

  it('words the integrity badge', () => {
    const base = { doc: 'invoice:x', head: null };
    expect(integrityBadge({ ...base, ok: true, checked: 12, firstBad: null }).text).toBe(
      'Chain intact: 12 entries',
    );
    expect(
      integrityBadge({
        ...base,
        ok: false,
        checked: 4,
        firstBad: { seq: 4, reason: 'hash mismatch', detail: '' },
      }),
    ).toEqual({ tone: 'broken', text: 'Broken at seq 4: hash mismatch' });
  });

  it('reads the download name and who may audit', () => {
    expect(fileNameFrom('attachment; filename="invoice-x-audit.csv"', 'f')).toBe('invoice-x-audit.csv');
    expect(fileNameFrom(null, 'f')).toBe('f');
    expect(canAudit(['auditor'])).toBe(true);
    expect(canAudit(['preparer'])).toBe(false);
    expect(canAudit(null)).toBe(false);
  });
});
