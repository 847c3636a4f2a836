import { describe, expect, it } from 'vitest';
import { addDecimal, compareDecimal, multiplyDecimal, negateDecimal, roundDecimal } from './arithmetic.ts';

describe('decimal arithmetic', () => {
  it('compares numerically, not as text', () => {
    expect(compareDecimal('2', '10')).toBe(-1); // as strings "2" > "10"
    expect(compareDecimal('20.0', '20')).toBe(0);
    expect(compareDecimal('-1', '-0.5')).toBe(-1);
    expect(compareDecimal('5.5', '2.1')).toBe(1);
  });

  it('adds exactly', () => {
    expect(addDecimal('0.1', '0.2')).toBe('0.3'); // a double gives 0.30000000000000004
    expect(addDecimal('1.50', '-1.5')).toBe('0');
    expect(addDecimal('99999999999999999.99', '0.01')).toBe('100000000000000000');
  });

  it('negates, without a negative zero', () => {
    expect(negateDecimal('3')).toBe('-3');
    expect(negateDecimal('-0.5')).toBe('0.5');
    expect(negateDecimal('0')).toBe('0');
  });

  it('multiplies exactly and never writes an exponent', () => {
    expect(multiplyDecimal('1.005', '3')).toBe('3.015');
    expect(multiplyDecimal('0.0000001', '1')).toBe('0.0000001');
    expect(multiplyDecimal('10000000000000000000000', '10')).toBe('100000000000000000000000');
  });

  it('rounds half away from zero', () => {
    expect(roundDecimal('1.005')).toBe('1.01'); // the double 1.005 is 1.00499…, toFixed gives 1.00
    expect(roundDecimal('-1.005')).toBe('-1.01');
    expect(roundDecimal('1.004999')).toBe('1.00');
    expect(roundDecimal('-0.004')).toBe('0.00');
    expect(roundDecimal('2.5', 0)).toBe('3');
  });

  it('refuses non-canonical input', () => {
    expect(() => addDecimal('1e5', '1')).toThrow(RangeError);
    expect(() => compareDecimal('1,5', '1')).toThrow(RangeError);
  });
});
