import BigJs from 'big.js';

/**
 * An exact decimal as the document stores it: optional '-', digits, optional '.' digits.
 * No exponent, no '+', no thousands separators: "1234.5", "-3", "0.005".
 */
export type DecimalString = string;

// A constructor of our own, so no other code can change the global big.js settings under us.
// `strict` makes big.js throw when handed a JS number: amounts enter as strings, never floats.
export const Big = BigJs();
Big.strict = true;
// Half away from zero: 1.005 → 1.01 and -1.005 → -1.01 (big.js calls this ROUND_HALF_UP).
Big.RM = Big.roundHalfUp;

export type BigValue = InstanceType<typeof Big>;

const CANONICAL = /^-?\d+(\.\d+)?$/;

/** True for the canonical form only; used to validate values read from the document. */
export function isDecimalString(s: string): boolean {
  return CANONICAL.test(s);
}

/** Reads a canonical decimal string; throws on anything else (callers validate first). */
export function toBig(s: DecimalString): BigValue {
  if (!isDecimalString(s)) throw new RangeError(`Not a decimal string: "${s}"`);
  return new Big(s);
}

/** Plain notation, never an exponent (big.js `toString` switches to "1e-7" below 1e-7). */
export function toDecimalString(value: BigValue, decimals?: number): DecimalString {
  const s = decimals === undefined ? value.toFixed() : value.toFixed(decimals, Big.roundHalfUp);
  // A zero that kept a minus sign ("-0.00") is not an amount anyone wants to see.
  return /^-[0.]+$/.test(s) ? s.slice(1) : s;
}
