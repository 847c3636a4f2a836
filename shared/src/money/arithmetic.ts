import { type DecimalString, toBig, toDecimalString } from './canonical.ts';

// Exact operations on canonical decimal strings. They throw a RangeError on a non-canonical
// input: by the time values reach arithmetic they have been parsed or validated.

export function compareDecimal(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  return toBig(a).cmp(toBig(b));
}

export function addDecimal(a: DecimalString, b: DecimalString): DecimalString {
  return toDecimalString(toBig(a).plus(toBig(b)));
}

export function negateDecimal(a: DecimalString): DecimalString {
  return toDecimalString(toBig(a).times('-1'));
}

/** Exact product, not rounded: 1.005 × 3 = "3.015". */
export function multiplyDecimal(a: DecimalString, b: DecimalString): DecimalString {
  return toDecimalString(toBig(a).times(toBig(b)));
}

/** Rounds half away from zero, as EN 16931 amounts are: 1.005 → "1.01", -1.005 → "-1.01". */
export function roundDecimal(a: DecimalString, decimals = 2): DecimalString {
  return toDecimalString(toBig(a), decimals);
}
