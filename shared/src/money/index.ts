export { addDecimal, compareDecimal, multiplyDecimal, negateDecimal, roundDecimal } from './arithmetic.ts';
export { type DecimalString, isDecimalString } from './canonical.ts';
export {
  type MoneyError,
  type MoneyErrorCode,
  type ParseDecimalOptions,
  type ParseResult,
  parseDecimalInput,
} from './decimal.ts';
export { formatMoney } from './format.ts';
export { computeTotals, lineNet, type Totals, type TotalsLine, type VatBreakdown } from './totals.ts';
