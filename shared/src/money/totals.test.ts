import { describe, expect, it } from 'vitest';
import { computeTotals, lineNet, type TotalsLine } from './totals.ts';

// Every expected value below was worked out by hand in the comment beside it.

const line = (quantity: string, unitPrice: string, vatRate = '20'): TotalsLine => ({
  quantity,
  unitPrice,
  vatRate,
});

describe('lineNet', () => {
  it('rounds half up at the third decimal', () => {
    expect(lineNet(line('1', '1.005'))).toBe('1.01'); // 1.005 → 1.01
    expect(lineNet(line('3', '0.335'))).toBe('1.01'); // 3 × 0.335 = 1.005 → 1.01
    expect(lineNet(line('2.5', '0.333'))).toBe('0.83'); // 0.8325 → 0.83
    expect(lineNet(line('1', '1.004999'))).toBe('1.00');
  });

  it('rounds negatives half away from zero, mirroring positives', () => {
    expect(lineNet(line('-1', '1.005'))).toBe('-1.01'); // -1.005 → -1.01
    expect(lineNet(line('3', '-0.335'))).toBe('-1.01'); // -1.005 → -1.01
    expect(lineNet(line('-1', '0.004'))).toBe('0.00'); // -0.004 → 0.00, no "-0.00"
  });

  it('always has two decimals', () => {
    expect(lineNet(line('1', '10'))).toBe('10.00');
    expect(lineNet(line('1', '1234567.5'))).toBe('1234567.50');
  });

  it('is null when a value is not a decimal', () => {
    expect(lineNet(line('abc', '1'))).toBeNull();
    expect(lineNet(line('1', '1,5'))).toBeNull();
    expect(lineNet(line('1', '1', ''))).toBeNull();
    expect(lineNet(line('1', '1', '-20'))).toBeNull();
  });
});

describe('computeTotals', () => {
  it('gives zeros for an empty invoice', () => {
    expect(computeTotals([])).toEqual({
      lineNets: [],
      netTotal: '0.00',
      vatBreakdown: [],
      vatTotal: '0.00',
      grossTotal: '0.00',
      invalidLines: [],
    });
  });

  it('computes VAT per rate on the sum of line nets, not per line', () => {
    const totals = computeTotals([
      line('3', '0.045', '20'), // 0.135 → 0.14
      line('1', '0.13', '20.0'), // 0.13 — "20.0" is the same rate as "20"
      line('1', '0.13', '20.00'), // 0.13
      line('1', '0.05', '10'), // 0.05
      line('2', '0.025', '10'), // 0.05
      line('0.5', '0.1', '10'), // 0.05
      line('1', '0.10', '5.5'), // 0.10
      line('4', '0.025', '5.50'), // 0.10
      line('1', '0.25', '2.1'), // 0.25 (four times)
      line('1', '0.25', '2.1'),
      line('1', '0.25', '2.1'),
      line('1', '0.25', '2.1'),
    ]);
    expect(totals.lineNets).toEqual([
      '0.14',
      '0.13',
      '0.13',
      '0.05',
      '0.05',
      '0.05',
      '0.10',
      '0.10',
      '0.25',
      '0.25',
      '0.25',
      '0.25',
    ]);
    // Sorted by rate numerically (as text "5.5" > "20" > "2.1" > "10").
    expect(totals.vatBreakdown).toEqual([
      // 0.14 + 0.13 + 0.13 = 0.40; × 20 % = 0.08 (per line: 0.03 + 0.03 + 0.03 = 0.09)
      { rate: '20', base: '0.40', amount: '0.08' },
      // 0.15 × 10 % = 0.015 → 0.02 (per line: 0.005 → 0.01, three times = 0.03)
      { rate: '10', base: '0.15', amount: '0.02' },
      // 0.20 × 5.5 % = 0.011 → 0.01 (per line: 0.0055 → 0.01, twice = 0.02)
      { rate: '5.5', base: '0.20', amount: '0.01' },
      // 1.00 × 2.1 % = 0.021 → 0.02 (per line: 0.00525 → 0.01, four times = 0.04)
      { rate: '2.1', base: '1.00', amount: '0.02' },
    ]);
    expect(totals.netTotal).toBe('1.75'); // 0.40 + 0.15 + 0.20 + 1.00
    expect(totals.vatTotal).toBe('0.13'); // 0.08 + 0.02 + 0.01 + 0.02
    expect(totals.grossTotal).toBe('1.88'); // 1.75 + 0.13
    expect(totals.invalidLines).toEqual([]);
  });

  it('totals an ordinary invoice with four French rates', () => {
    const totals = computeTotals([
      line('12', '49.99', '20'), // 599.88
      line('3.5', '80', '10'), // 280.00
      line('7', '2.35', '5.5'), // 16.45
      line('1', '19.90', '2.1'), // 19.90
    ]);
    expect(totals.vatBreakdown).toEqual([
      { rate: '20', base: '599.88', amount: '119.98' }, // 119.976 → 119.98
      { rate: '10', base: '280.00', amount: '28.00' },
      { rate: '5.5', base: '16.45', amount: '0.90' }, // 0.90475 → 0.90
      { rate: '2.1', base: '19.90', amount: '0.42' }, // 0.4179 → 0.42
    ]);
    expect(totals.netTotal).toBe('916.23'); // 599.88 + 280 + 16.45 + 19.90
    expect(totals.vatTotal).toBe('149.30'); // 119.98 + 28.00 + 0.90 + 0.42
    expect(totals.grossTotal).toBe('1065.53');
  });

  it('rounds each of 200 lines before summing', () => {
    const totals = computeTotals(Array.from({ length: 200 }, () => line('3', '0.333', '20')));
    // Each line 3 × 0.333 = 0.999 → 1.00, so 200.00 (summing unrounded would give 199.80).
    expect(totals.lineNets.every((net) => net === '1.00')).toBe(true);
    expect(totals.netTotal).toBe('200.00');
    expect(totals.vatBreakdown).toEqual([{ rate: '20', base: '200.00', amount: '40.00' }]);
    expect(totals.vatTotal).toBe('40.00');
    expect(totals.grossTotal).toBe('240.00');

    // 200 × (0.005 → 0.01) = 2.00; VAT 0.40. Unrounded: 1.00 and 0.20.
    const halfCents = computeTotals(Array.from({ length: 200 }, () => line('1', '0.005', '20')));
    expect([halfCents.netTotal, halfCents.vatTotal, halfCents.grossTotal]).toEqual(['2.00', '0.40', '2.40']);
  });

  it('takes negative lines (discounts) off their rate', () => {
    const totals = computeTotals([
      line('10', '12.50', '20'), // 125.00
      line('-1', '25.00', '20'), // -25.00, a discount
      line('3', '-0.335', '10'), // -1.005 → -1.01
      line('2', '5.05', '10'), // 10.10
    ]);
    expect(totals.lineNets).toEqual(['125.00', '-25.00', '-1.01', '10.10']);
    expect(totals.vatBreakdown).toEqual([
      { rate: '20', base: '100.00', amount: '20.00' }, // 100 × 20 %
      { rate: '10', base: '9.09', amount: '0.91' }, // 10.10 - 1.01 = 9.09; × 10 % = 0.909 → 0.91
    ]);
    expect(totals.netTotal).toBe('109.09');
    expect(totals.vatTotal).toBe('20.91');
    expect(totals.grossTotal).toBe('130.00');
  });

  it('mirrors an invoice in its credit note, to the cent', () => {
    // 0.10 × 5 % = 0.005 → 0.01; the credit note's -0.005 → -0.01 (away from zero).
    const invoice = computeTotals([line('1', '0.10', '5')]);
    const credit = computeTotals([line('-1', '0.10', '5')]);
    expect(invoice.vatBreakdown).toEqual([{ rate: '5', base: '0.10', amount: '0.01' }]);
    expect(credit.vatBreakdown).toEqual([{ rate: '5', base: '-0.10', amount: '-0.01' }]);
    expect([credit.netTotal, credit.vatTotal, credit.grossTotal]).toEqual(['-0.10', '-0.01', '-0.11']);
  });

  it('keeps a zero rate in the breakdown, last', () => {
    const totals = computeTotals([
      line('2', '50', '0'), // 100.00
      line('1', '10', '0.0'), // 10.00, same rate as "0"
      line('1', '10', '20'), // 10.00
    ]);
    expect(totals.vatBreakdown).toEqual([
      { rate: '20', base: '10.00', amount: '2.00' },
      { rate: '0', base: '110.00', amount: '0.00' },
    ]);
    expect([totals.netTotal, totals.vatTotal, totals.grossTotal]).toEqual(['120.00', '2.00', '122.00']);
  });

  it('skips invalid lines and lists them', () => {
    const totals = computeTotals([
      line('1', '10', '20'), // 10.00
      line('abc', '10', '20'),
      line('1', '1,5', '20'), // user input that was never parsed
      line('1', '10', ''),
      line('1', '10', '-20'),
      line('1', '5', '20'), // 5.00
    ]);
    expect(totals.lineNets).toEqual(['10.00', null, null, null, null, '5.00']);
    expect(totals.invalidLines).toEqual([1, 2, 3, 4]);
    expect(totals.vatBreakdown).toEqual([{ rate: '20', base: '15.00', amount: '3.00' }]);
    expect([totals.netTotal, totals.vatTotal, totals.grossTotal]).toEqual(['15.00', '3.00', '18.00']);
  });

  it('stays exact far beyond what a double holds', () => {
    // 999 999 999 999.99 × 1000 = 999 999 999 999 990; × 20 % = 199 999 999 999 998
    const totals = computeTotals([line('1000', '999999999999.99', '20')]);
    expect(totals.netTotal).toBe('999999999999990.00');
    expect(totals.vatTotal).toBe('199999999999998.00');
    expect(totals.grossTotal).toBe('1199999999999988.00');
  });
});
