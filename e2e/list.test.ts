import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, PASSWORD, startE2E } from './support/harness.ts';

const WAIT = { timeout: 15_000, interval: 100 };

describe('sign-in and the invoice list', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('says clearly when sign-in fails, and signs in and out', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/`);
    await page.getByLabel('Email').fill('alice@demo.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toContain('Wrong email or password');

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Invoices' }).waitFor();
    // The session survives a reload of the tab (sessionStorage)...
    await page.reload();
    await page.getByRole('heading', { name: 'Invoices' }).waitFor();
    // ...and ends with "Sign out".
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await context.close();
  });

  it('searches, filters by status, sorts, and updates live', async () => {
    const { page } = await e2e.signIn('alice@demo.test');
    const rows = page.getByRole('table', { name: 'Invoices' }).locator('tbody tr');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.status-badge', { hasText: 'Paid' }).count()).toBeGreaterThan(0);

    await page.getByLabel('Search').fill('nordwind');
    await expect.poll(() => rows.allTextContents(), WAIT).toEqual([expect.stringContaining('Nordwind GmbH')]);
    await page.getByLabel('Search').fill('');

    await page.getByLabel('Status').selectOption('issued');
    await expect
      .poll(() => rows.allTextContents(), WAIT)
      .toEqual([expect.stringContaining('Studio Lumière SAS')]);
    await page.getByLabel('Status').selectOption('all');

    await page.getByLabel('Sort by').selectOption('buyerName');
    await page.getByRole('button', { name: /Sorted descending/ }).click();
    const buyers = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(buyers).toEqual([...buyers].sort((a, b) => a.localeCompare(b, 'fr')));

    // Someone else creates an invoice: it appears without a reload.
    const before = await rows.count();
    await e2e.createInvoice('admin@demo.test', { buyer: { name: 'Zebra Live SARL' } });
    await expect.poll(() => rows.count(), WAIT).toBe(before + 1);
    expect(await page.getByRole('cell', { name: 'Zebra Live SARL' }).count()).toBe(1);

    // Someone else edits an invoice: its row follows.
    const id = await e2e.createInvoice('admin@demo.test', {
      buyer: { name: 'Live Edit' },
      lines: [{ description: 'x', quantity: '1', unitPrice: '10', vatRate: '20' }],
    });
    await page.getByRole('cell', { name: 'Live Edit', exact: true }).waitFor({ timeout: WAIT.timeout });
    const adele = await e2e.openInvoice('admin@demo.test', id);
    const buyer = adele.field('Buyer name');
    await buyer.click();
    await buyer.press('End');
    await buyer.pressSequentially(' Renamed');
    await adele.line('Quantity', 1).fill('3');
    await page.getByRole('cell', { name: 'Live Edit Renamed' }).waitFor({ timeout: WAIT.timeout });
    const row = page.locator(`tr[data-invoice-id="${id}"]`);
    await expect.poll(() => row.textContent(), WAIT).toContain('36,00');
  });

  it('opens an invoice from the list and creates a new one', async () => {
    const { page } = await e2e.signIn('alice@demo.test');
    await page.getByRole('link', { name: '2026-000001' }).click();
    await page.locator('.connection[data-state="connected"]').waitFor();
    // An issued invoice is frozen: fields are read-only and say so.
    expect(await page.getByLabel('Buyer name', { exact: true }).getAttribute('readonly')).not.toBeNull();
    await page.getByRole('note').waitFor();

    await page.getByRole('link', { name: '← Invoices' }).click();
    await page.getByRole('button', { name: 'New invoice' }).click();
    await page.locator('.connection[data-state="connected"]').waitFor();
    await page.getByRole('heading', { name: /Draft invoice/ }).waitFor();
    expect(await page.getByLabel('Buyer name', { exact: true }).getAttribute('readonly')).toBeNull();
  });

  it('creates an invoice from an organisation template', async () => {
    const { page } = await e2e.signIn('alice@demo.test');
    await page.getByLabel('Start from').selectOption({ label: 'Prestation graphique (standard)' });
    await page.getByRole('button', { name: 'New invoice' }).click();
    await page.locator('.connection[data-state="connected"]').waitFor();
    await expect
      .poll(() => page.getByLabel('Description, line 1', { exact: true }).inputValue(), WAIT)
      .toBe('Conception graphique (jour)');
    expect(await page.getByLabel('Seller name', { exact: true }).inputValue()).toBe('Atelier Lumen SAS');
  });

  it('gives a viewer a read-only editor', async () => {
    const id = await e2e.createInvoice('alice@demo.test', { buyer: { name: 'Read Only Ltd' } });
    const erin = await e2e.openInvoice('erin@demo.test', id);
    await expect.poll(() => erin.field('Buyer name').getAttribute('readonly'), WAIT).not.toBeNull();
    expect(await erin.richText('Notes').getAttribute('contenteditable')).toBe('false');
    expect(await erin.page.getByRole('button', { name: '+ Add line' }).count()).toBe(0);

    // A verifier edits only in review: on a draft the shared rights table makes the UI read-only.
    const bob = await e2e.openInvoice('bob@demo.test', id);
    await expect.poll(() => bob.page.getByRole('note').textContent(), WAIT).toContain('Only the preparer');
    expect(await bob.field('Buyer name').getAttribute('readonly')).not.toBeNull();
  });
});
