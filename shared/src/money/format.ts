import { type DecimalString, isDecimalString } from './canonical.ts';

// Cofacture's users are French; callers pass the reader's locale when they know it.
const DEFAULT_LOCALE = 'fr-FR';

/**
 * "1234.5", "EUR" → "1 234,50 €". The decimal string goes to Intl as a string: since
 * Intl.NumberFormat v3 (Node 19+, Chrome 106, Firefox 116, Safari 15.4) strings are formatted
 * exactly, so "12345678901234567.89" keeps every digit instead of passing through a double.
 * Amounts are rounded to the currency's minor unit half away from zero, like our totals.
 */
export function formatMoney(
  amount: DecimalString,
  currency: string,
  locale: string = DEFAULT_LOCALE,
): string {
  if (!isDecimalString(amount)) throw new RangeError(`Not a decimal string: "${amount}"`);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    // Never "-0,00 €" for an amount that rounds to zero.
    signDisplay: 'negative',
  });
  // Checked canonical above, so it is a numeric literal as far as Intl is concerned.
  return format.format(amount as `${number}`);
}
