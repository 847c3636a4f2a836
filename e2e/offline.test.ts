import { describe, expect, it } from 'vitest';
import { useEditorPair } from './support/pair.ts';

const WAIT = { timeout: 20_000, interval: 100 };

describe('editing offline', () => {
  const pair = useEditorPair({
    buyer: { name: 'ACME' },
    lines: [{ description: 'Design work', quantity: '2', unitPrice: '100', vatRate: '20' }],
    notes: 'First note.',
  });

  it('merges what both people did while one was offline, losing nothing', async () => {
    const { alice, adele } = pair;
    await alice.context.setOffline(true);
    await expect.poll(() => alice.connection().getAttribute('data-state'), WAIT).toBe('offline');
    // The other person disappears from the offline screen and vice versa.
    await expect.poll(() => adele.avatars().count(), WAIT).toBe(1);

    // Offline: Alice edits a field Adèle also edits, a field of her own, the notes and the lines.
    const buyer = alice.field('Buyer name');
    await buyer.click();
    await buyer.press('End');
    await buyer.pressSequentially(' SAS');
    await alice.field('Buyer address').fill('1 place Bellecour');
    await alice.richText('Notes').click();
    await alice.page.keyboard.press('Control+End');
    await alice.page.keyboard.type(' Offline words.');
    await alice.page.getByRole('button', { name: '+ Add line' }).click();
    await alice.line('Description', 2).pressSequentially('Offline line');
    await alice.line('Quantity', 2).fill('4');

    // Online: Adèle edits the same invoice meanwhile, including the same field.
    const theirBuyer = adele.field('Buyer name');
    await theirBuyer.click();
    await theirBuyer.press('Home');
    await theirBuyer.pressSequentially('Groupe ');
    await adele.field('Seller name').fill('Atelier Lumen');
    await adele.line('Unit price', 1).fill('110');
    await adele.page.getByRole('button', { name: '+ Add line' }).click();
    await adele.line('Description', 2).pressSequentially('Online line');
    await adele.waitSaved();
    // Nothing of Alice's has reached Adèle.
    expect(await adele.field('Buyer name').inputValue()).toBe('Groupe ACME');

    await alice.context.setOffline(false);
    await alice.waitConnected();
    await alice.waitSaved();

    const expected = {
      'Buyer name': 'Groupe ACME SAS',
      'Buyer address': '1 place Bellecour',
      'Seller name': 'Atelier Lumen',
      'Unit price, line 1': '110',
    };
    for (const [label, value] of Object.entries(expected)) {
      await expect.poll(() => alice.field(label).inputValue(), WAIT).toBe(value);
      await expect.poll(() => adele.field(label).inputValue(), WAIT).toBe(value);
    }
    await expect.poll(() => adele.richText('Notes').textContent(), WAIT).toBe('First note. Offline words.');
    await expect.poll(() => adele.lineRows().count(), WAIT).toBe(3);
    // Both new lines are there, in the same order on both screens, and every value agrees.
    const screens = async () => Promise.all([alice.snapshot(), adele.snapshot()]);
    await expect
      .poll(async () => new Set((await screens()).map((s) => JSON.stringify(s))).size, WAIT)
      .toBe(1);
    const [mine, theirs] = await screens();
    expect(mine).toEqual(theirs);
    const descriptions = [1, 2, 3].map((n) => adele.line('Description', n).inputValue());
    expect((await Promise.all(descriptions)).sort()).toEqual(['Design work', 'Offline line', 'Online line']);
    await expect.poll(() => alice.avatars().count(), WAIT).toBe(2);
  });
});
