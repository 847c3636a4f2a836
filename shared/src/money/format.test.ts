import { describe, expect, it } from 'vitest';
import { formatMoney } from './format.ts';

describe('formatMoney', () => {
  it('formats for French readers by default', () => {
    // fr-FR groups with a narrow no-break space and puts a no-break space before the symbol.
    expect(formatMoney('1234.5', 'EUR')).toBe('1\u202f234,50\u00a0€');
  });

  it('follows the given locale and currency', () => {
    expect(formatMoney('1234.5', 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatMoney('-3', 'USD', 'en-US')).toBe('-$3.00');
    expect(formatMoney('1234.5', 'JPY', 'en-US')).toBe('¥1,235'); // no minor unit
  });

  it('keeps every digit of large amounts (no trip through a double)', () => {
    // As a number, 12345678901234567.89 would print as 12,345,678,901,234,568.00.
    expect(formatMoney('12345678901234567.89', 'EUR', 'en-US')).toBe('€12,345,678,901,234,567.89');
  });

  it('rounds the decimal string, not a double, half away from zero', () => {
    expect(formatMoney('1.005', 'EUR', 'en-US')).toBe('€1.01');
    expect(formatMoney('-1.005', 'EUR', 'en-US')).toBe('-€1.01');
    expect(formatMoney('-0.001', 'EUR', 'en-US')).toBe('€0.00');
  });

  it('refuses a value that is not a decimal string', () => {
    expect(() => formatMoney('1,5', 'EUR')).toThrow(RangeError);
  });
});
