import { describe, expect, it } from 'vitest';
import { lineFieldLabel, partyBlockLabel, partyFieldLabel, pathLabel } from './fieldLabels.ts';

describe('field labels', () => {
  it('names fields the way their inputs and lock buttons are named', () => {
    expect(partyFieldLabel('buyer', 'name')).toBe('Buyer name');
    expect(partyFieldLabel('seller', 'vatId')).toBe('Seller VAT ID');
    expect(partyBlockLabel('buyer')).toBe('buyer block');
    expect(lineFieldLabel('unitPrice', 2)).toBe('Unit price, line 2');
  });

  it('puts any path in words, with lines numbered as they are shown', () => {
    const lines = ['a', 'b'];
    expect(pathLabel('buyer.name', lines)).toBe('Buyer name');
    expect(pathLabel('seller', lines)).toBe('seller block');
    expect(pathLabel('lines.b', lines)).toBe('line 2');
    expect(pathLabel('lines.a.quantity', lines)).toBe('Quantity, line 1');
    expect(pathLabel('lines.zz.quantity', lines)).toBe('a removed line');
    expect(pathLabel('dueDate', lines)).toBe('Due date');
    expect(pathLabel('terms', lines)).toBe('Payment terms');
    expect(pathLabel('status', lines)).toBe('status');
  });
});
