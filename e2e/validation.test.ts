import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPage } from './support/editorPage.ts';
import { type E2E, startE2E } from './support/harness.ts';

const WAIT = { timeout: 15_000, interval: 100 };

describe('validation as you type', () => {
  let e2e: E2E;
  let alice: EditorPage;
  let adele: EditorPage;

  beforeAll(async () => {
    e2e = await startE2E();
    const id = await e2e.createInvoice('alice@demo.test', {
      lines: [{ description: 'Design work', quantity: '2', unitPrice: '100', vatRate: '20' }],
    });
    alice = await e2e.openInvoice('alice@demo.test', id);
    adele = await e2e.openInvoice('admin@demo.test', id);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('refuses an invalid quantity at the field and keeps the last valid value in the document', async () => {
    const quantity = alice.line('Quantity', 1);
    await quantity.fill('3');
    await expect.poll(() => adele.line('Quantity', 1).inputValue(), WAIT).toBe('3');

    await quantity.fill('3x');
    const message = alice.page.getByRole('alert').filter({ hasText: 'Quantity' });
    await expect
      .poll(() => message.textContent(), WAIT)
      .toBe('Quantity must be a number, like 3 or 2.5 — "3x" is not.');
    expect(await quantity.getAttribute('aria-invalid')).toBe('true');
    // The message is tied to the field for screen readers.
    const describedBy = await quantity.getAttribute('aria-describedby');
    expect(describedBy && (await alice.page.locator(`[id="${describedBy}"]`).textContent())).toContain(
      '"3x" is not',
    );
    // What Alice typed stays in her field; the document (and Adèle) keep 3, the totals too.
    expect(await quantity.inputValue()).toBe('3x');
    await adele.page.waitForTimeout(500);
    expect(await adele.line('Quantity', 1).inputValue()).toBe('3');
    expect(await alice.total('gross').textContent()).toBe('360,00\u00a0€');

    // Other invalid inputs: too many decimals, a negative VAT rate.
    await quantity.fill('1.23456');
    await expect.poll(() => message.textContent(), WAIT).toContain('at most 4 decimals');
    await alice.line('VAT rate', 1).fill('-5');
    await expect
      .poll(() => alice.page.getByRole('alert').filter({ hasText: 'VAT rate' }).textContent(), WAIT)
      .toContain('cannot be negative');
    expect(await adele.line('VAT rate', 1).inputValue()).toBe('20');

    // Escape restores the document's value; a valid value (French comma) is written canonically.
    await alice.line('VAT rate', 1).press('Escape');
    expect(await alice.line('VAT rate', 1).inputValue()).toBe('20');
    await quantity.fill('2,5');
    await expect.poll(() => adele.line('Quantity', 1).inputValue(), WAIT).toBe('2.5');
    expect(await quantity.inputValue()).toBe('2,5');
    expect(await quantity.getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => adele.total('gross').textContent(), WAIT).toBe('300,00\u00a0€');
  });
});
