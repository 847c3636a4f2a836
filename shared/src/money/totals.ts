import { Big, type BigValue, type DecimalString, isDecimalString, toDecimalString } from './canonical.ts';

/** One invoice line as the document holds it. `vatRate` is a percent: "20", "5.5". */
export interface TotalsLine {
  quantity: DecimalString;
  unitPrice: DecimalString;
  vatRate: DecimalString;
}

/** One VAT rate of the invoice (EN 16931 BG-23): `base` BT-116, `amount` BT-117, 2 decimals. */
export interface VatBreakdown {
  rate: DecimalString;
  base: DecimalString;
  amount: DecimalString;
}

export interface Totals {
  /** BT-131 per line, in line order; null for a line listed in `invalidLines`. */
  lineNets: (DecimalString | null)[];
  /** BT-106 (= BT-109 while the model has no document-level allowances or charges). */
  netTotal: DecimalString;
  /** By rate, highest first. */
  vatBreakdown: VatBreakdown[];
  /** BT-110 */
  vatTotal: DecimalString;
  /** BT-112 */
  grossTotal: DecimalString;
  /** Indexes of lines with a value that is not a decimal (or a negative rate); they count for nothing. */
  invalidLines: number[];
}

const CENTS = 2;

// Line net and VAT amounts are rounded to 2 decimals half away from zero (big.js
// ROUND_HALF_UP): 1.005 → 1.01 and -1.005 → -1.01, so a credit note mirrors its invoice.

/** quantity × unitPrice rounded to 2 decimals (BT-131), or null when a value is invalid. */
export function lineNet(line: TotalsLine): DecimalString | null {
  const net = lineNetBig(line);
  return net === null ? null : toDecimalString(net, CENTS);
}

function lineNetBig(line: TotalsLine): BigValue | null {
  const { quantity, unitPrice, vatRate } = line;
  if (!isDecimalString(quantity) || !isDecimalString(unitPrice) || !isDecimalString(vatRate)) return null;
  if (vatRate.startsWith('-')) return null;
  return new Big(quantity).times(unitPrice).round(CENTS, Big.roundHalfUp);
}

/**
 * Invoice totals by EN 16931: each line net is rounded first; VAT is computed once per rate on
 * the sum of that rate's line nets (not per line), then rounded; the totals are sums of those
 * rounded amounts, so BT-110 = Σ BT-117 and BT-112 = BT-109 + BT-110 hold to the cent.
 */
export function computeTotals(lines: readonly TotalsLine[]): Totals {
  const lineNets: (DecimalString | null)[] = [];
  const invalidLines: number[] = [];
  // Keyed by the normalised rate, so "20", "20.0" and "20.00" are one rate.
  const baseByRate = new Map<string, BigValue>();
  let netTotal = new Big('0');

  lines.forEach((line, index) => {
    const net = lineNetBig(line);
    if (net === null) {
      lineNets.push(null);
      invalidLines.push(index);
      return;
    }
    lineNets.push(toDecimalString(net, CENTS));
    netTotal = netTotal.plus(net);
    const rate = toDecimalString(new Big(line.vatRate));
    baseByRate.set(rate, (baseByRate.get(rate) ?? new Big('0')).plus(net));
  });

  let vatTotal = new Big('0');
  const vatBreakdown = [...baseByRate]
    .sort(([a], [b]) => new Big(b).cmp(a))
    .map(([rate, base]): VatBreakdown => {
      // Multiplying by 0.01 instead of dividing by 100 keeps the product exact.
      const amount = base.times(rate).times('0.01').round(CENTS, Big.roundHalfUp);
      vatTotal = vatTotal.plus(amount);
      return { rate, base: toDecimalString(base, CENTS), amount: toDecimalString(amount, CENTS) };
    });

  return {
    lineNets,
    netTotal: toDecimalString(netTotal, CENTS),
    vatBreakdown,
    vatTotal: toDecimalString(vatTotal, CENTS),
    grossTotal: toDecimalString(netTotal.plus(vatTotal), CENTS),
    invalidLines,
  };
}
