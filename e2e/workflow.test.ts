import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../server/test/support/api.ts';
import { EditorPage } from './support/editorPage.ts';
import { type E2E, PASSWORD, startE2E } from './support/harness.ts';
import { workflow } from './support/workflowPage.ts';

const WAIT = { timeout: 15_000, interval: 100 };

const TERMS =
  'Paiement à 30 jours. Pénalités de retard : 3 fois le taux légal. Indemnité forfaitaire de recouvrement : 40 €.';

/** An invoice that carries every mandatory mention. */
function complete(buyerName: string) {
  return {
    issueDate: '2026-12-01',
    dueDate: '2026-12-31',
    seller: {
      name: 'Atelier Lumen SAS',
      address: '12 rue des Arts, Lyon',
      vatId: 'FR32852146987',
      siren: '852146987',
    },
    buyer: { name: buyerName, address: '1 rue X, Paris', vatId: 'FR61512948730' },
    terms: TERMS,
    lines: [{ description: 'Design', quantity: '2', unitPrice: '100', vatRate: '20' }],
  };
}

describe('the workflow on screen', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  /** Opens an invoice in a page that is already signed in (e.g. from a notification). */
  async function editorIn(page: Page, context: EditorPage['context']): Promise<EditorPage> {
    const editor = new EditorPage(page, context);
    await editor.waitConnected();
    return editor;
  }

  it('shows the missing mandatory mentions at their fields and next to Submit, live', async () => {
    const id = await e2e.createInvoice('alice@demo.test', {
      ...complete('Mentions SARL'),
      seller: { name: 'Atelier Lumen SAS', address: '12 rue des Arts, Lyon', vatId: 'FR32852146987' },
      terms: 'Paiement à 30 jours.',
    });
    const alice = await e2e.openInvoice('alice@demo.test', id);
    const siren = alice.page.locator('[data-field="seller.siren"] .field-hint');
    await expect.poll(() => siren.textContent(), WAIT).toContain('Seller SIREN');
    // The hint is tied to the input for screen readers.
    const describedBy = (await alice.field('Seller SIREN').getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('mention-seller.siren');
    const summary = alice.page.locator('.mention-summary summary');
    await expect.poll(() => summary.textContent(), WAIT).toBe('3 mandatory mentions missing');
    // The server agrees: Submit is offered but refused, with its reason in plain sight.
    const submit = workflow.action(alice.page, 'Submit for review');
    await expect.poll(() => submit.isDisabled(), WAIT).toBe(true);
    expect(await workflow.panel(alice.page).locator('.action-reason').textContent()).toContain(
      'Mandatory mentions are missing',
    );

    await alice.field('Seller SIREN').fill('852146987');
    await expect.poll(() => siren.count(), WAIT).toBe(0);
    await expect.poll(() => summary.textContent(), WAIT).toBe('2 mandatory mentions missing');
    await alice.richText('Payment terms').click();
    await alice.page.keyboard.press('Control+End');
    await alice.page.keyboard.type(
      ' Pénalités de retard : 3 fois le taux légal. Indemnité forfaitaire : 40 €.',
    );
    await expect.poll(() => summary.count(), WAIT).toBe(0);
    await expect.poll(() => submit.isDisabled(), WAIT).toBe(false);
  });

  it('preparer submits; the verifier sees it arrive live and verifies; an approver approves and issues; every screen freezes with the number', async () => {
    const id = await e2e.createInvoice('alice@demo.test', complete('Workflow Test SARL'));
    // Bob, the verifier, is looking at the list when the invoice is submitted.
    const bob = await e2e.signIn('bob@demo.test');
    await expect.poll(() => workflow.bell(bob.page).getAttribute('aria-label'), WAIT).toBe('Notifications');
    const alice = await e2e.openInvoice('alice@demo.test', id);
    const carol = await e2e.openInvoice('carol@demo.test', id);
    // An approver reads a draft; nothing leads on from here for her.
    await expect.poll(() => carol.field('Buyer name').getAttribute('readonly'), WAIT).not.toBeNull();

    await workflow.action(alice.page, 'Submit for review').click();
    for (const editor of [alice, carol])
      await expect.poll(() => workflow.status(editor.page).textContent(), WAIT).toBe('In review');
    // The preparer no longer edits in review.
    await expect.poll(() => alice.field('Buyer name').getAttribute('readonly'), WAIT).not.toBeNull();

    await expect
      .poll(() => workflow.bell(bob.page).getAttribute('aria-label'), WAIT)
      .toBe('Notifications, 1 unread');
    await workflow.bell(bob.page).click();
    const item = workflow
      .bellPanel(bob.page)
      .getByRole('button', { name: /^Alice Martin submitted the invoice for Workflow Test SARL/ });
    await item.waitFor({ timeout: WAIT.timeout });
    await item.click();
    const bobEditor = await editorIn(bob.page, bob.context);
    expect(bob.page.url()).toContain(`/invoices/${id}`);
    await expect.poll(() => workflow.bell(bob.page).getAttribute('aria-label'), WAIT).toBe('Notifications');

    await workflow.action(bobEditor.page, 'Verify').click();
    for (const editor of [alice, carol, bobEditor])
      await expect.poll(() => workflow.status(editor.page).textContent(), WAIT).toBe('Verified');

    // Carol's panel followed the status change by itself.
    await workflow.action(carol.page, 'Approve').click();
    await expect.poll(() => workflow.status(carol.page).textContent(), WAIT).toBe('Approved');
    await workflow.action(carol.page, 'Issue').click();
    const confirm = workflow.dialog(carol.page, 'Issue');
    await confirm.getByRole('button', { name: 'Issue', exact: true }).click();

    for (const editor of [alice, carol, bobEditor]) {
      await expect.poll(() => workflow.status(editor.page).textContent(), WAIT).toBe('Issued');
      await expect.poll(() => workflow.number(editor.page).textContent(), WAIT).toMatch(/^2026-\d{6}$/);
      await expect.poll(() => editor.field('Buyer name').getAttribute('readonly'), WAIT).not.toBeNull();
      expect(await editor.line('Quantity', 1).getAttribute('readonly')).not.toBeNull();
      expect(await editor.richText('Notes').getAttribute('contenteditable')).toBe('false');
      expect(await editor.page.locator('.lock-button').count()).toBe(0);
      expect(await editor.page.getByRole('button', { name: '+ Add line' }).count()).toBe(0);
    }
    const number = await workflow.number(alice.page).textContent();
    expect(await carol.page.getByRole('heading', { level: 1 }).textContent()).toBe(`Invoice ${number}`);

    // Paid, with the payment asked in a dialog.
    await workflow.action(carol.page, 'Mark as paid').click();
    const payment = workflow.dialog(carol.page, 'Mark as paid');
    await payment.getByLabel('Payment method').selectOption('card');
    await payment.getByRole('button', { name: 'Mark as paid', exact: true }).click();
    for (const editor of [alice, carol])
      await expect.poll(() => workflow.status(editor.page).textContent(), WAIT).toBe('Paid');

    // The preparer corrects it with a credit note, and lands on the new draft.
    await workflow.action(alice.page, 'Create credit note').click();
    await alice.page.getByRole('heading', { name: /^Draft credit note/ }).waitFor({ timeout: WAIT.timeout });
    expect(alice.page.url()).not.toContain(id);
    const creditNote = await editorIn(alice.page, alice.context);
    expect(await creditNote.field('Buyer name').inputValue()).toBe('Workflow Test SARL');
    expect(await creditNote.line('Quantity', 1).inputValue()).toBe('-2');
    expect(await creditNote.field('Buyer name').getAttribute('readonly')).toBeNull();
  });

  it('lists in "My queue" what waits for the person, and follows new work live', async () => {
    const { page } = await e2e.signIn('bob@demo.test');
    await page.getByRole('link', { name: 'My queue' }).click();
    const rows = page.getByRole('table', { name: 'Waiting for you' }).locator('tbody tr');
    // The demo's invoice in review waits for a verifier.
    const nordwind = rows.filter({ hasText: 'Nordwind GmbH' });
    await nordwind.waitFor({ timeout: WAIT.timeout });
    expect(await nordwind.textContent()).toContain('Verify');

    const id = await e2e.createInvoice('alice@demo.test', complete('Queue Live SARL'));
    const token = await login(e2e.baseUrl, 'alice@demo.test', PASSWORD);
    const submitted = await api(e2e.baseUrl, `/api/invoices/${id}/actions/submit`, {
      method: 'POST',
      token,
      body: {},
    });
    expect(submitted.status).toBe(200);
    const row = page.locator(`tr[data-invoice-id="${id}"]`);
    await row.waitFor({ timeout: WAIT.timeout });
    await row.getByRole('link').click();
    const bob = await editorIn(page, page.context());
    expect(await bob.field('Buyer name').inputValue()).toBe('Queue Live SARL');
    await expect.poll(() => workflow.action(page, 'Verify').isDisabled(), WAIT).toBe(false);
  });

  it('a verifier who edited cannot verify (the reason shows), and request-changes asks for a reason', async () => {
    const id = await e2e.createInvoice('alice@demo.test', complete('Four Eyes SARL'));
    const token = await login(e2e.baseUrl, 'alice@demo.test', PASSWORD);
    await api(e2e.baseUrl, `/api/invoices/${id}/actions/submit`, { method: 'POST', token, body: {} });
    const bob = await e2e.openInvoice('bob@demo.test', id);
    await expect.poll(() => workflow.action(bob.page, 'Verify').isDisabled(), WAIT).toBe(false);

    const buyer = bob.field('Buyer name');
    await buyer.click();
    await buyer.press('End');
    await buyer.pressSequentially(' SA');
    await bob.waitSaved();
    await expect.poll(() => workflow.action(bob.page, 'Verify').isDisabled(), WAIT).toBe(true);
    const verify = workflow.action(bob.page, 'Verify');
    const reasonId = (await verify.getAttribute('aria-describedby')) ?? '';
    expect(await bob.page.locator(`[id="${reasonId}"]`).textContent()).toContain('Four-eyes rule');

    await workflow.action(bob.page, 'Request changes').click();
    const dialog = workflow.dialog(bob.page, 'Request changes');
    await dialog.getByLabel('Reason').fill('The buyer name is wrong');
    await dialog.getByRole('button', { name: 'Request changes', exact: true }).click();
    await expect.poll(() => workflow.status(bob.page).textContent(), WAIT).toBe('Changes requested');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
  });
});
