import { describe, expect, it } from 'vitest';
import { useEditorPair } from './support/pair.ts';

const WAIT = { timeout: 15_000, interval: 100 };

describe('undo and redo', () => {
  const pair = useEditorPair({
    buyer: { name: 'ACME' },
    seller: { name: 'Lumen' },
    lines: [{ description: 'Design work', quantity: '2', unitPrice: '100', vatRate: '20' }],
    notes: 'Note.',
  });

  it("undoes only the person's own edit in a text field, never the other's", async () => {
    const { alice, adele } = pair;
    // Alice types in a field; then Adèle types in the same field and in another one.
    const buyer = alice.field('Buyer name');
    await buyer.click();
    await buyer.press('End');
    await buyer.pressSequentially(' SAS');
    await expect.poll(() => adele.field('Buyer name').inputValue(), WAIT).toBe('ACME SAS');
    const theirs = adele.field('Buyer name');
    await theirs.click();
    await theirs.press('Home');
    await theirs.pressSequentially('Groupe ');
    await adele.field('Seller name').fill('Atelier Lumen');
    await expect.poll(() => buyer.inputValue(), WAIT).toBe('Groupe ACME SAS');
    await expect.poll(() => alice.field('Seller name').inputValue(), WAIT).toBe('Atelier Lumen');

    // Ctrl+Z in Alice's screen removes " SAS" only.
    await buyer.focus();
    await alice.page.keyboard.press('Control+z');
    for (const editor of [alice, adele]) {
      await expect.poll(() => editor.field('Buyer name').inputValue(), WAIT).toBe('Groupe ACME');
      await expect.poll(() => editor.field('Seller name').inputValue(), WAIT).toBe('Atelier Lumen');
    }
    // Nothing else of Alice's is left to undo, whatever Adèle did.
    await expect.poll(() => alice.page.getByRole('button', { name: 'Undo' }).isDisabled(), WAIT).toBe(true);
    await alice.page.keyboard.press('Control+z');
    expect(await adele.field('Buyer name').inputValue()).toBe('Groupe ACME');
    expect(await adele.field('Seller name').inputValue()).toBe('Atelier Lumen');

    // Redo brings Alice's text back (Ctrl+Shift+Z), for both.
    await buyer.focus();
    await alice.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => adele.field('Buyer name').inputValue(), WAIT).toBe('Groupe ACME SAS');
  });

  it("undoes the person's own line edits and rich-text typing, leaving the other's", async () => {
    const { alice, adele } = pair;
    await alice.line('Quantity', 1).fill('5');
    await expect.poll(() => adele.line('Quantity', 1).inputValue(), WAIT).toBe('5');
    await adele.line('Unit price', 1).fill('120');
    await expect.poll(() => alice.line('Unit price', 1).inputValue(), WAIT).toBe('120');

    await adele.richText('Notes').click();
    await adele.page.keyboard.press('Control+End');
    await adele.page.keyboard.type(' From Adèle.');
    await expect.poll(() => alice.richText('Notes').textContent(), WAIT).toBe('Note. From Adèle.');
    await alice.richText('Notes').click();
    await alice.page.keyboard.press('Control+End');
    await alice.page.keyboard.type(' From Alice.');
    await expect
      .poll(() => adele.richText('Notes').textContent(), WAIT)
      .toBe('Note. From Adèle. From Alice.');

    // Alice undoes twice: her notes typing, then her quantity (Ctrl+Y redo-aware history).
    await alice.page.keyboard.press('Control+z');
    await expect.poll(() => adele.richText('Notes').textContent(), WAIT).toBe('Note. From Adèle.');
    await alice.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => adele.line('Quantity', 1).inputValue(), WAIT).toBe('2');
    expect(await adele.line('Unit price', 1).inputValue()).toBe('120');
    expect(await alice.richText('Notes').textContent()).toBe('Note. From Adèle.');

    await alice.page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => adele.line('Quantity', 1).inputValue(), WAIT).toBe('5');
    await alice.field('Buyer email').focus();
    await alice.page.keyboard.press('Control+y');
    await expect
      .poll(() => adele.richText('Notes').textContent(), WAIT)
      .toBe('Note. From Adèle. From Alice.');
  });
});
