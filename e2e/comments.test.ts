import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPage } from './support/editorPage.ts';
import { type E2E, startE2E } from './support/harness.ts';
import { workflow } from './support/workflowPage.ts';

const WAIT = { timeout: 15_000, interval: 100 };

const panel = (page: Page) => page.getByRole('complementary', { name: 'Comments' });
const filterCount = (page: Page, state: 'open' | 'resolved' | 'detached') =>
  panel(page).locator(`[data-filter="${state}"] .comment-filter-count`).textContent();
const cards = (page: Page) => panel(page).locator('[data-thread-id]');

describe('inline comments', () => {
  let e2e: E2E;
  let alice: EditorPage;
  let bob: EditorPage;
  let lineId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    const id = await e2e.createInvoice('alice@demo.test', {
      seller: { name: 'Atelier Lumen SAS' },
      buyer: { name: 'ACME' },
      lines: [{ description: 'Design work and consulting', quantity: '2', unitPrice: '100', vatRate: '20' }],
    });
    alice = await e2e.openInvoice('alice@demo.test', id);
    bob = await e2e.openInvoice('bob@demo.test', id);
    lineId = (await alice.lineRows().first().getAttribute('data-line-id')) ?? '';
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('Bob comments on selected words, Alice replies mentioning him, he is notified, the thread is resolved on both screens', async () => {
    // Bob selects "consulting" in the description of line 1 and presses Ctrl+Alt+M.
    const description = bob.line('Description', 1);
    await description.focus();
    await description.evaluate((el: HTMLInputElement) => {
      const start = el.value.indexOf('consulting');
      el.setSelectionRange(start, start + 'consulting'.length);
    });
    await bob.page.keyboard.press('Control+Alt+M');
    const draft = panel(bob.page).getByRole('region', { name: 'New comment' });
    await expect.poll(() => draft.textContent(), WAIT).toContain('“consulting”');
    await draft.getByRole('combobox', { name: 'New comment' }).fill('Is consulting billable?');
    await draft.getByRole('button', { name: 'Comment', exact: true }).click();

    // Alice sees the marker on the field and the thread, live, with the words it is about.
    const path = `lines.${lineId}.description`;
    const marker = alice.page.locator(`[data-comment-path="${path}"] .comment-count`);
    await expect.poll(() => marker.getAttribute('data-comment-count'), WAIT).toBe('1');
    await expect.poll(() => filterCount(alice.page, 'open'), WAIT).toBe('1');
    const card = cards(alice.page).first();
    await expect.poll(() => card.textContent(), WAIT).toContain('“consulting”');
    expect(await card.textContent()).toContain('Is consulting billable?');
    expect(await card.textContent()).toContain('Bob Durand');

    // Alice types before the words: the anchor still covers them.
    const mine = alice.line('Description', 1);
    await mine.click();
    await mine.press('Home');
    await mine.pressSequentially('UX ');
    await expect.poll(() => card.locator('.thread-quote').textContent(), WAIT).toBe('“consulting”');

    // She replies with an @mention picked from the autocomplete.
    const reply = card.getByRole('combobox', { name: /^Reply to the comment/ });
    await reply.click();
    await reply.pressSequentially('Yes @Bo');
    await alice.page.getByRole('option', { name: /Bob Durand/ }).waitFor({ timeout: WAIT.timeout });
    await reply.press('Enter');
    await reply.pressSequentially('it is in the contract');
    expect(await reply.inputValue()).toBe('Yes @Bob Durand it is in the contract');
    await card.getByRole('button', { name: 'Reply', exact: true }).click();

    const bobCard = cards(bob.page).first();
    await expect.poll(() => bobCard.locator('.comment-mention').textContent(), WAIT).toBe('@Bob Durand');

    // Bob is notified; the notification opens the invoice at the thread.
    await expect
      .poll(() => workflow.bell(bob.page).getAttribute('aria-label'), WAIT)
      .toBe('Notifications, 1 unread');
    await workflow.bell(bob.page).click();
    await workflow
      .bellPanel(bob.page)
      .getByRole('button', { name: /^Alice Martin mentioned you/ })
      .click();
    await expect.poll(() => new URL(bob.page.url()).searchParams.get('thread'), WAIT).not.toBeNull();
    const threadId = await bobCard.getAttribute('data-thread-id');
    expect(new URL(bob.page.url()).searchParams.get('thread')).toBe(threadId);
    await expect.poll(() => bobCard.getAttribute('class'), WAIT).toContain('thread-active');

    // Bob resolves it: it moves to the resolved filter on both screens.
    await bobCard.getByRole('button', { name: 'Resolve', exact: true }).click();
    for (const page of [alice.page, bob.page]) {
      await expect.poll(() => filterCount(page, 'open'), WAIT).toBe('0');
      await expect.poll(() => filterCount(page, 'resolved'), WAIT).toBe('1');
    }
    await expect.poll(() => marker.count(), WAIT).toBe(0);
    await panel(alice.page)
      .getByRole('button', { name: /^Resolved/ })
      .click();
    await expect
      .poll(() => cards(alice.page).first().getAttribute('data-thread-state'), WAIT)
      .toBe('resolved');
    await cards(alice.page).first().getByRole('button', { name: 'Reopen', exact: true }).waitFor();
  });

  it('a comment on a line is kept as detached when the line is removed', async () => {
    const row = alice.page.locator(`tr[data-line-id="${lineId}"]`);
    await row.hover();
    await alice.button('Comment on line 1').click();
    const draft = panel(alice.page).getByRole('region', { name: 'New comment' });
    await draft.getByRole('combobox', { name: 'New comment' }).fill('Split this line?');
    await draft.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect.poll(() => filterCount(bob.page, 'open'), WAIT).toBe('1');
    await alice.button('Remove line 1').click();
    for (const page of [alice.page, bob.page]) {
      await expect.poll(() => filterCount(page, 'detached'), WAIT).toBe('1');
      await expect.poll(() => filterCount(page, 'open'), WAIT).toBe('0');
    }
  });

  it('words of the notes are quoted on a comment about the notes; a viewer reads threads without writing', async () => {
    const notes = alice.richText('Notes');
    await notes.click();
    await alice.page.keyboard.type('Late payment fee applies');
    await alice.page.keyboard.press('Shift+Control+ArrowLeft');
    await alice.page.keyboard.press('Control+Alt+M');
    const draft = panel(alice.page).getByRole('region', { name: 'New comment' });
    await expect.poll(() => draft.textContent(), WAIT).toContain('“applies”');
    await draft.getByRole('combobox', { name: 'New comment' }).fill('Say how much');
    await draft.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect
      .poll(
        () =>
          bob.page.locator('[data-comment-path="notes"] .comment-count').getAttribute('data-comment-count'),
        WAIT,
      )
      .toBe('1');

    const erin = await e2e.openInvoice('erin@demo.test', invoiceIdOf(alice.page));
    await expect.poll(() => filterCount(erin.page, 'open'), WAIT).toBe('1');
    const card = cards(erin.page).first();
    expect(await card.locator('.comment-quote').textContent()).toBe('applies');
    expect(await card.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
    expect(await card.getByRole('combobox').count()).toBe(0);
    expect(await erin.page.getByRole('button', { name: /^Comment on/ }).count()).toBe(0);
  });
});

function invoiceIdOf(page: Page): string {
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}
