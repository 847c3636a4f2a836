import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPage } from './support/editorPage.ts';
import { type E2E, startE2E } from './support/harness.ts';

const WAIT = { timeout: 15_000, interval: 100 };

/** The accessible name of the focused element. */
function focusedName(editor: EditorPage): Promise<string | null> {
  return editor.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
}

describe('field locks', () => {
  let e2e: E2E;
  let alice: EditorPage;
  let adele: EditorPage;
  let lineId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    const id = await e2e.createInvoice('alice@demo.test', {
      seller: { name: 'Atelier Lumen SAS' },
      buyer: { name: 'ACME' },
      lines: [{ description: 'Design work', quantity: '2', unitPrice: '100', vatRate: '20' }],
    });
    alice = await e2e.openInvoice('alice@demo.test', id);
    // Adèle is an admin: she may edit drafts too, and break other people's locks.
    adele = await e2e.openInvoice('admin@demo.test', id);
    lineId = (await alice.lineRows().first().getAttribute('data-line-id')) ?? '';
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('Alice locks Buyer name from the keyboard; Adèle sees who holds it and cannot type until it is released', async () => {
    // The lock button sits right before the field in the tab order and answers Enter.
    await alice.field('Buyer name').focus();
    await alice.page.keyboard.press('Shift+Tab');
    expect(await focusedName(alice)).toBe('Lock Buyer name');
    await alice.page.keyboard.press('Enter');

    await expect.poll(() => adele.lockBadge('buyer.name').textContent(), WAIT).toBe('Locked by Alice Martin');
    await expect.poll(() => alice.lockBadge('buyer.name').textContent(), WAIT).toBe('Locked by Alice Martin');
    await alice.button('Unlock Buyer name').waitFor({ timeout: WAIT.timeout });
    // The admin may break it; she is not offered to lock it herself.
    await adele.button('Break lock on Buyer name').waitFor({ timeout: WAIT.timeout });
    expect(await adele.button('Lock Buyer name').count()).toBe(0);

    const theirs = adele.field('Buyer name');
    await expect.poll(() => theirs.getAttribute('readonly'), WAIT).not.toBeNull();
    expect(await theirs.getAttribute('title')).toBe('Locked by Alice Martin.');
    await theirs.click();
    await theirs.press('End');
    await adele.page.keyboard.type(' SAS');
    expect(await theirs.inputValue()).toBe('ACME');

    // The holder keeps typing, and the other screen follows.
    const mine = alice.field('Buyer name');
    await mine.click();
    await mine.press('End');
    await mine.pressSequentially(' SA');
    await expect.poll(() => theirs.inputValue(), WAIT).toBe('ACME SA');

    // Asking for the whole buyer block is refused, and the refusal says who holds a lock in it.
    await adele.button('Lock buyer block').click();
    await expect
      .poll(() => adele.notice().textContent(), WAIT)
      .toBe('You cannot lock buyer block: it is locked by Alice Martin.');

    // Alice releases it (keyboard again): the badge goes, Adèle can type.
    await alice.button('Unlock Buyer name').focus();
    await alice.page.keyboard.press('Enter');
    await expect.poll(() => adele.lockBadge('buyer.name').count(), WAIT).toBe(0);
    await expect.poll(() => theirs.getAttribute('readonly'), WAIT).toBeNull();
    await theirs.click();
    await theirs.press('End');
    await theirs.pressSequentially('S');
    await expect.poll(() => mine.inputValue(), WAIT).toBe('ACME SAS');
    await alice.button('Lock Buyer name').waitFor({ timeout: WAIT.timeout });
  });

  it('a lock on a whole line covers its fields, and an admin can break it', async () => {
    await alice.button('Lock line 1').click();
    await expect
      .poll(() => adele.lockBadge(`lines.${lineId}`).textContent(), WAIT)
      .toBe('Locked by Alice Martin');
    await expect.poll(() => adele.line('Unit price', 1).getAttribute('readonly'), WAIT).not.toBeNull();
    expect(await adele.line('Description', 1).getAttribute('readonly')).not.toBeNull();
    expect(await adele.button('Remove line 1').isDisabled()).toBe(true);
    // The holder's own fields stay open.
    expect(await alice.line('Unit price', 1).getAttribute('readonly')).toBeNull();

    await adele.button('Break lock on line 1').click();
    await expect.poll(() => alice.lockBadge(`lines.${lineId}`).count(), WAIT).toBe(0);
    await alice.button('Lock line 1').waitFor({ timeout: WAIT.timeout });
    await expect.poll(() => adele.line('Unit price', 1).getAttribute('readonly'), WAIT).toBeNull();
    expect(await adele.button('Remove line 1').isDisabled()).toBe(false);
  });

  it('locks a quantity while Alice is in it, and gives it back when she leaves', async () => {
    const path = `lines.${lineId}.quantity`;
    await alice.line('Quantity', 1).focus();
    await expect.poll(() => adele.lockBadge(path).textContent(), WAIT).toBe('Locked by Alice Martin');
    await expect.poll(() => adele.line('Quantity', 1).getAttribute('readonly'), WAIT).not.toBeNull();
    // A lock taken for her is no news to Alice: no badge on her own screen.
    expect(await alice.lockBadge(path).count()).toBe(0);
    await alice.line('Quantity', 1).fill('3');
    await expect.poll(() => adele.line('Quantity', 1).inputValue(), WAIT).toBe('3');

    // Leaving for a text field releases it; text fields are never locked by entering them.
    await alice.line('Description', 1).focus();
    await expect.poll(() => adele.lockBadge(path).count(), WAIT).toBe(0);
    await expect.poll(() => adele.line('Quantity', 1).getAttribute('readonly'), WAIT).toBeNull();
    expect(await adele.page.locator('.lock-badge').count()).toBe(0);
  });
});
