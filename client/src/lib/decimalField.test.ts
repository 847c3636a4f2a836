import { describe, expect, it } from 'vitest';
import { parseLineNumber, reconcileDraft } from './decimalField.ts';

describe('line numbers', () => {
  it('accepts what people type and returns the canonical value', () => {
    expect(parseLineNumber('quantity', '2,5')).toEqual({ ok: true, value: '2.5' });
    expect(parseLineNumber('unitPrice', '1 234,50')).toEqual({ ok: true, value: '1234.50' });
    expect(parseLineNumber('unitPrice', '-10')).toEqual({ ok: true, value: '-10' });
  });

  it('refuses garbage with a message naming the field', () => {
    const result = parseLineNumber('quantity', 'abc');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^Quantity must be a number/);
    expect(parseLineNumber('vatRate', '-5').ok).toBe(false);
    expect(parseLineNumber('vatRate', '120').ok).toBe(false);
    expect(parseLineNumber('vatRate', '5.555').ok).toBe(false);
  });

  it("keeps a draft that means the document's value, replaces one that does not", () => {
    expect(reconcileDraft('quantity', '2,50', '2.50')).toBe('2,50');
    expect(reconcileDraft('quantity', '3.', '3')).toBe('3.');
    expect(reconcileDraft('quantity', '3', '4')).toBe('4');
    expect(reconcileDraft('quantity', 'abc', '4')).toBe('4');
  });
});
