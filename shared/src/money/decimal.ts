import { type DecimalString, toBig } from './canonical.ts';

export type MoneyErrorCode =
  | 'empty'
  | 'not_a_number'
  | 'too_many_decimals'
  | 'negative_not_allowed'
  | 'out_of_range';

/** `message` is written for the person who typed the value. */
export interface MoneyError {
  code: MoneyErrorCode;
  message: string;
}

export type ParseResult = { ok: true; value: DecimalString } | { ok: false; error: MoneyError };

export interface ParseDecimalOptions {
  /** Significant decimals allowed; trailing zeros beyond it are dropped ("1.500" → "1.50" for 2). */
  maxDecimals?: number;
  /** Defaults to true: discount lines are negative. */
  allowNegative?: boolean;
  /** Names the field in messages, e.g. "Quantity". */
  label?: string;
  /** Bound on the magnitude, so it limits "-5000" as well as "5000". */
  max?: DecimalString;
}

// Beyond a thousand billion it is a typo, not an invoice; the cap also keeps every stored value
// far from the limits of the formats we export to.
const MAX_INTEGER_DIGITS = 15;

/**
 * Reads a number as people type it and returns its canonical form.
 *
 * Separators: spaces (also no-break and narrow no-break spaces) group thousands. When both
 * '.' and ',' appear, the last one is the decimal separator and the other groups thousands
 * ("1,234.50", "1.234,50"). When only one of them appears once, it is the decimal separator:
 * our users are French, so "1,234" is 1.234 (and "1.234" is 1.234 too). A separator that
 * appears several times can only group thousands ("1.234.567"), and then every group after
 * the first must have exactly three digits, so "1.2.3" and "12,3,4" are refused.
 */
export function parseDecimalInput(input: string, options: ParseDecimalOptions = {}): ParseResult {
  const label = options.label ?? 'This value';
  const text = input.trim();
  const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  const fail = (code: MoneyErrorCode, message: string): ParseResult => ({
    ok: false,
    error: { code, message },
  });
  const notANumber = () =>
    fail('not_a_number', `${label} must be a number, like 3 or 2.5 — "${shown}" is not.`);

  if (text === '') return fail('empty', `${label} is missing — enter a number, like 3 or 2.5.`);

  // '−' (U+2212) is the minus sign French typography and some keyboards produce.
  const signChar = text[0];
  const negative = signChar === '-' || signChar === '\u2212';
  const body = negative || signChar === '+' ? text.slice(1) : text;

  if (/^[\d.,]*\d[eE][+-]?\d+$/.test(body)) {
    return fail('not_a_number', `${label} must be written out in full, like 100000 — "${shown}" is not.`);
  }
  const parts = splitNumber(body);
  if (parts === null) return notANumber();

  const integer = parts.integer.replace(/^0+/, '') || '0';
  const significant = parts.fraction.replace(/0+$/, '');
  const { maxDecimals } = options;
  if (maxDecimals !== undefined && significant.length > maxDecimals) {
    return fail(
      'too_many_decimals',
      maxDecimals === 0
        ? `${label} must be a whole number — "${shown}" is not.`
        : `${label} can have at most ${maxDecimals} ${maxDecimals === 1 ? 'decimal' : 'decimals'} — "${shown}" has ${significant.length}.`,
    );
  }
  const fraction = maxDecimals === undefined ? parts.fraction : parts.fraction.slice(0, maxDecimals);
  const isZero = integer === '0' && significant === '';
  const magnitude = fraction === '' ? integer : `${integer}.${fraction}`;

  if (negative && !isZero && options.allowNegative === false) {
    return fail('negative_not_allowed', `${label} cannot be negative — "${shown}" is below zero.`);
  }
  if (integer.length > MAX_INTEGER_DIGITS) {
    return fail(
      'out_of_range',
      `${label} is too large — "${shown}" has more than ${MAX_INTEGER_DIGITS} digits.`,
    );
  }
  if (options.max !== undefined && toBig(magnitude).gt(toBig(options.max))) {
    return fail('out_of_range', `${label} cannot be more than ${options.max} — "${shown}" is too large.`);
  }
  return { ok: true, value: negative && !isZero ? `-${magnitude}` : magnitude };
}

/** Splits an unsigned number into integer and fraction digits, or null if it is not one. */
function splitNumber(body: string): { integer: string; fraction: string } | null {
  if (!/^[\d\s.,]*$/.test(body) || !/\d/.test(body)) return null;
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  const spaced = /\s/.test(body);

  let decimalSep: '.' | ',' | null = null;
  let groupSep: '.' | ',' | ' ' | null = spaced ? ' ' : null;
  if (dots > 0 && commas > 0) {
    if (spaced) return null;
    decimalSep = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    groupSep = decimalSep === '.' ? ',' : '.';
  } else if (dots + commas === 1) {
    decimalSep = dots === 1 ? '.' : ',';
  } else if (dots + commas > 1) {
    if (spaced) return null;
    groupSep = dots > 0 ? '.' : ',';
  }

  const [integerPart = '', fraction = '', ...rest] = decimalSep === null ? [body] : body.split(decimalSep);
  if (rest.length > 0 || !/^\d*$/.test(fraction)) return null;
  if (/^\d*$/.test(integerPart)) return { integer: integerPart, fraction };
  // The integer part has separators: they must group thousands, "1 234 567" or "1.234.567".
  const group = groupSep === ' ' ? '\\s' : `\\${groupSep}`;
  if (groupSep === null || !new RegExp(`^\\d{1,3}(${group}\\d{3})+$`).test(integerPart)) return null;
  return { integer: integerPart.replace(/\D/g, ''), fraction };
}
