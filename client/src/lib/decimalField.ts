import {
  type LineNumberField,
  type ParseDecimalOptions,
  type ParseResult,
  parseDecimalInput,
} from '@cofacture/shared';

interface DecimalFieldSpec {
  readonly label: string;
  readonly options: ParseDecimalOptions;
}

/**
 * How each number of a line is read as people type it. Quantities and prices may be negative
 * (returns, discount lines); a VAT rate is a percentage between 0 and 100.
 */
export const DECIMAL_FIELDS: Record<LineNumberField, DecimalFieldSpec> = {
  quantity: { label: 'Quantity', options: { label: 'Quantity', maxDecimals: 4 } },
  unitPrice: { label: 'Unit price', options: { label: 'Unit price', maxDecimals: 4 } },
  vatRate: {
    label: 'VAT rate',
    options: { label: 'VAT rate', maxDecimals: 2, allowNegative: false, max: '100' },
  },
};

export function parseLineNumber(field: LineNumberField, input: string): ParseResult {
  return parseDecimalInput(input, DECIMAL_FIELDS[field].options);
}

/**
 * What the field shows when the document value changes under it. While the person's own
 * draft still means the same number ("2,50" for "2.5", "3." for "3") it is kept, so a value
 * being typed is never reformatted under their fingers; otherwise the document wins.
 */
export function reconcileDraft(field: LineNumberField, draft: string, documentValue: string): string {
  const parsed = parseLineNumber(field, draft);
  return parsed.ok && parsed.value === documentValue ? draft : documentValue;
}
