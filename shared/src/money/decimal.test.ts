import { describe, expect, it } from 'vitest';
import { isDecimalString } from './canonical.ts';
import { parseDecimalInput } from './decimal.ts';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

function parsedValue(input: string, options?: Parameters<typeof parseDecimalInput>[1]) {
  const result = parseDecimalInput(input, options);
  if (!result.ok) throw new Error(`expected "${input}" to parse, got ${result.error.code}`);
  return result.value;
}

function errorOf(input: string, options?: Parameters<typeof parseDecimalInput>[1]) {
  const result = parseDecimalInput(input, options);
  if (result.ok) throw new Error(`expected "${input}" to be refused, got ${result.value}`);
  return result.error;
}

describe('parseDecimalInput accepts what people type', () => {
  it.each([
    ['1 234,50', '1234.50'],
    [`1${NBSP}234,50`, '1234.50'],
    [`1${NARROW_NBSP}234,50`, '1234.50'],
    ['1 234 567', '1234567'],
    ['1234.5', '1234.5'],
    ['-3', '-3'],
    ['\u22123', '-3'], // typographic minus sign
    ['1,234.50', '1234.50'],
    ['1.234,50', '1234.50'],
    ['1.234.567', '1234567'],
    ['1,234,567.8', '1234567.8'],
    ['  12 ', '12'],
    ['+4', '4'],
    ['0,5', '0.5'],
    [',5', '0.5'],
    ['007', '7'],
    ['-0', '0'],
    ['-0,00', '0.00'],
  ])('%j → %j', (input, expected) => {
    expect(parsedValue(input)).toBe(expected);
  });

  // The decision documented on parseDecimalInput: a lone separator is the decimal separator,
  // because a French user writes "1,234" for 1.234 — never for one thousand two hundred.
  it('reads a lone comma as the decimal separator: "1,234" is 1.234', () => {
    expect(parsedValue('1,234')).toBe('1.234');
    expect(parsedValue('1.234')).toBe('1.234');
  });

  it('gives canonical values', () => {
    for (const input of ['1 234,50', '1.234,50', '+4', '  12 ', '-0', '\u22123']) {
      expect(isDecimalString(parsedValue(input))).toBe(true);
    }
  });
});

describe('parseDecimalInput refuses, with a message for a person', () => {
  it('an empty field', () => {
    expect(errorOf('', { label: 'Quantity' })).toEqual({
      code: 'empty',
      message: 'Quantity is missing — enter a number, like 3 or 2.5.',
    });
    expect(errorOf(`  ${NBSP}`).code).toBe('empty');
  });

  it('words', () => {
    expect(errorOf('abc', { label: 'Quantity' })).toEqual({
      code: 'not_a_number',
      message: 'Quantity must be a number, like 3 or 2.5 — "abc" is not.',
    });
  });

  it.each([
    '1.2.3',
    '12,3,4',
    '12 34',
    '1 234.567,8',
    '1,2.3',
    '--3',
    '3-',
    '- 3',
    '.',
    '1 ,5',
    '1_000',
    '0x10',
  ])('%j', (input) => {
    expect(errorOf(input).code).toBe('not_a_number');
  });

  it('exponents, explaining how to write the number instead', () => {
    const error = errorOf('1e5', { label: 'Unit price' });
    expect(error.code).toBe('not_a_number');
    expect(error.message).toBe('Unit price must be written out in full, like 100000 — "1e5" is not.');
  });

  it('more decimals than allowed, but not trailing zeros', () => {
    expect(errorOf('1,234', { maxDecimals: 2, label: 'Unit price' })).toEqual({
      code: 'too_many_decimals',
      message: 'Unit price can have at most 2 decimals — "1,234" has 3.',
    });
    expect(errorOf('2.5', { maxDecimals: 0, label: 'Quantity' }).message).toBe(
      'Quantity must be a whole number — "2.5" is not.',
    );
    expect(parsedValue('1.500', { maxDecimals: 2 })).toBe('1.50');
    expect(parsedValue('2.0', { maxDecimals: 0 })).toBe('2');
    expect(parsedValue('1.25', { maxDecimals: 2 })).toBe('1.25');
  });

  it('negative values when they are not allowed', () => {
    expect(errorOf('-3', { allowNegative: false, label: 'VAT rate' })).toEqual({
      code: 'negative_not_allowed',
      message: 'VAT rate cannot be negative — "-3" is below zero.',
    });
    expect(parsedValue('-0', { allowNegative: false })).toBe('0');
    expect(parsedValue('-3')).toBe('-3');
  });

  it('values beyond `max`, either sign, and beyond 15 integer digits', () => {
    expect(errorOf('1 000', { max: '999', label: 'VAT rate' })).toEqual({
      code: 'out_of_range',
      message: 'VAT rate cannot be more than 999 — "1 000" is too large.',
    });
    expect(errorOf('-1000', { max: '999' }).code).toBe('out_of_range');
    expect(parsedValue('999.00', { max: '999' })).toBe('999.00');
    expect(parsedValue('999999999999999')).toBe('999999999999999');
    expect(errorOf('1000000000000000').code).toBe('out_of_range');
  });

  it('shortens a very long input in the message', () => {
    expect(errorOf('x'.repeat(100)).message).toContain(`"${'x'.repeat(24)}…"`);
  });
});

describe('isDecimalString', () => {
  it.each(['0', '1234.5', '-3', '0.005', '120.50', '007'])('accepts %j', (s) => {
    expect(isDecimalString(s)).toBe(true);
  });
  it.each(['', '-', '+4', '1,5', '1.', '.5', ' 1', '1 000', '1e5', 'NaN', 'Infinity', '--1', '1.2.3'])(
    'refuses %j',
    (s) => {
      expect(isDecimalString(s)).toBe(false);
    },
  );
});
