import { describe, expect, it } from 'vitest';
import { useEditorPair } from './support/pair.ts';

const WAIT = { timeout: 15_000, interval: 100 };

describe('two people co-editing one invoice', () => {
  const pair = useEditorPair({
    seller: { name: 'Atelier Lumen SAS' },
    buyer: { name: 'ACME' },
    lines: [{ description: 'Design work', quantity: '2', unitPrice: '100', vatRate: '20' }],
    notes: 'Thank you.',
  });

  it('shows each other in the presence bar', async () => {
    const { alice, adele } = pair;
    await expect.poll(() => alice.avatars().allTextContents(), WAIT).toHaveLength(2);
    await expect.poll(() => alice.avatars().nth(1).getAttribute('aria-label'), WAIT).toBe('Adèle Admin');
    await expect.poll(() => adele.avatars().nth(1).getAttribute('aria-label'), WAIT).toBe('Alice Martin');
  });

  it("shows the other's typing in a text field, with a focus ring bearing their name", async () => {
    const { alice, adele } = pair;
    const buyer = alice.field('Buyer name');
    await buyer.click();
    await buyer.press('End');
    await buyer.pressSequentially(' SAS');
    await expect.poll(() => adele.field('Buyer name').inputValue(), WAIT).toBe('ACME SAS');
    await expect.poll(() => adele.peerTag('buyer.name').textContent(), WAIT).toBe('Alice Martin');
    // The ring follows the person to the next field.
    await alice.field('Seller name').focus();
    await expect.poll(() => adele.peerTag('seller.name').textContent(), WAIT).toBe('Alice Martin');
    await expect.poll(() => adele.peerTag('buyer.name').count(), WAIT).toBe(0);
  });

  it("merges concurrent typing in one field and keeps each person's caret in place", async () => {
    const { alice, adele } = pair;
    const mine = alice.field('Seller address');
    const theirs = adele.field('Seller address');
    await mine.fill('12 rue des Lilas');
    await expect.poll(() => theirs.inputValue(), WAIT).toBe('12 rue des Lilas');
    // Adèle puts her caret after "12 " and types while Alice appends at the end.
    await theirs.click();
    await theirs.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
    await Promise.all([
      theirs.pressSequentially('bis '),
      mine.press('End').then(() => mine.pressSequentially(', Lyon')),
    ]);
    await expect.poll(() => mine.inputValue(), WAIT).toBe('12 bis rue des Lilas, Lyon');
    await expect.poll(() => theirs.inputValue(), WAIT).toBe('12 bis rue des Lilas, Lyon');
    // Alice's text landed after Adèle's caret, which did not move.
    expect(await theirs.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(7);
  });

  it("shows the other's typing in the notes, with their caret", async () => {
    const { alice, adele } = pair;
    const notes = adele.richText('Notes');
    await notes.click();
    await adele.page.keyboard.press('Control+End');
    await adele.page.keyboard.type(' See you soon.');
    await expect.poll(() => alice.richText('Notes').textContent(), WAIT).toBe('Thank you. See you soon.');
    await expect
      .poll(
        () => alice.page.locator('.rich-text-field[data-field="notes"] .remote-cursors').textContent(),
        WAIT,
      )
      .toContain('Adèle Admin');
    await expect.poll(() => alice.peerTag('notes').textContent(), WAIT).toBe('Adèle Admin');
  });

  it('sees a line added, reordered and removed by the other, and totals agree', async () => {
    const { alice, adele } = pair;
    await adele.page.getByRole('button', { name: '+ Add line' }).click();
    await adele.line('Description', 2).pressSequentially('Printing');
    await adele.line('Quantity', 2).fill('3');
    await adele.line('Unit price', 2).fill('12.50');
    await adele.line('VAT rate', 2).fill('5.5');
    await expect.poll(() => alice.line('Description', 2).inputValue(), WAIT).toBe('Printing');
    await expect.poll(() => alice.line('Unit price', 2).inputValue(), WAIT).toBe('12.50');
    // 2 × 100 at 20 % + 3 × 12.50 at 5.5 %: 237.50 net, 40.00 + 2.06 VAT.
    await expect.poll(() => alice.total('gross').textContent(), WAIT).toBe('279,56\u00a0€');
    expect(await adele.total('gross').textContent()).toBe('279,56\u00a0€');
    expect(await alice.total('net').textContent()).toBe(await adele.total('net').textContent());

    // Reorder with the keyboard (Alt+↑), then check the other screen.
    await adele.line('Description', 2).focus();
    await adele.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => alice.line('Description', 1).inputValue(), WAIT).toBe('Printing');
    await expect.poll(() => alice.line('Description', 2).inputValue(), WAIT).toBe('Design work');
    // The focus stayed on the moved line's description.
    await expect
      .poll(() => adele.page.evaluate(() => document.activeElement?.getAttribute('aria-label')), WAIT)
      .toBe('Description, line 1');

    // Reorder by dragging the handle back.
    await adele.page
      .locator('tr[data-line-id]')
      .nth(0)
      .locator('[data-drag-handle]')
      .dragTo(adele.page.locator('tr[data-line-id]').nth(1));
    await expect.poll(() => alice.line('Description', 1).inputValue(), WAIT).toBe('Design work');

    await adele.page.getByRole('button', { name: 'Remove line 2' }).click();
    await expect.poll(() => alice.lineRows().count(), WAIT).toBe(1);
    await expect.poll(() => alice.total('gross').textContent(), WAIT).toBe('240,00\u00a0€');
    expect(await adele.total('gross').textContent()).toBe('240,00\u00a0€');
  });

  it('drops the avatar of a person who leaves within seconds', async () => {
    const { alice, adele } = pair;
    await adele.context.close();
    await expect.poll(() => alice.avatars().count(), WAIT).toBe(1);
  });
});
