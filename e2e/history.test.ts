import { readFile } from 'node:fs/promises';
import { insertLine, setPartyField } from '@cofacture/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../server/test/support/api.ts';
import { connect } from '../server/test/support/collabClient.ts';
import { type E2E, PASSWORD, startE2E } from './support/harness.ts';

const WAIT = { timeout: 15_000, interval: 100 };

describe('the auditor history page', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const snapshot = (page: Page) => page.getByRole('region', { name: 'Invoice at this moment' });
  const buyerName = (page: Page) => snapshot(page).locator('dd[data-field="buyer.name"]').textContent();
  const lineCount = (page: Page) =>
    snapshot(page).getByRole('table', { name: 'Lines at this moment' }).locator('tbody tr').count();

  it('replays, compares, verifies and exports an invoice whose buyer and lines changed', async () => {
    // Alice's invoice changes over time: the buyer is renamed, then a line is added.
    const id = await e2e.createInvoice('alice@demo.test', {
      buyer: { name: 'ACME' },
      lines: [{ description: 'Design', quantity: '1', unitPrice: '100', vatRate: '20' }],
    });
    const alice = await connect(e2e.server.wsUrl, id, await login(e2e.baseUrl, 'alice@demo.test', PASSWORD));
    try {
      setPartyField(alice.doc, 'buyer', 'name', 'ACME SAS', 'e2e');
      await alice.settled();
      insertLine(alice.doc, 1, { description: 'Print', quantity: '2', unitPrice: '5', vatRate: '20' }, 'e2e');
      await alice.settled();
    } finally {
      alice.destroy();
    }

    // Dave (auditor) reaches the history from the list.
    const { page } = await e2e.signIn('dave@demo.test');
    await page.locator(`tr[data-invoice-id="${id}"]`).getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'History of the invoice' }).waitFor();
    await expect
      .poll(() => page.getByRole('status', { name: 'Integrity' }).textContent(), WAIT)
      .toContain('Chain intact: 3 entries');
    const changes = page.getByRole('list', { name: 'Changes' });
    await expect.poll(() => changes.textContent(), WAIT).toContain('Buyer name: “ACME” → “ACME SAS”');
    expect(await changes.textContent()).toContain('Line 2 added (Print)');
    expect(await changes.textContent()).toContain('Alice Martin');

    // The replay starts at the latest state...
    await expect.poll(() => buyerName(page), WAIT).toBe('ACME SAS');
    await expect.poll(() => lineCount(page), WAIT).toBe(2);
    // ...and moves back with the keyboard.
    const slider = page.getByLabel('Replay position');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => lineCount(page), WAIT).toBe(1);
    expect(await buyerName(page)).toBe('ACME SAS');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => buyerName(page), WAIT).toBe('ACME');
    expect(await lineCount(page)).toBe(1);
    expect(await snapshot(page).locator('[data-total="net"]').textContent()).toMatch(/100[.,]00/);

    // Filters narrow the timeline to the buyer's changes.
    await page.getByLabel('Field path').fill('buyer');
    await expect.poll(() => changes.textContent(), WAIT).not.toContain('Line 2 added');
    expect(await changes.textContent()).toContain('Buyer name');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => changes.textContent(), WAIT).toContain('Line 2 added');

    // A diff between the creation and the rename.
    await page.getByLabel('Compare from').selectOption('1');
    await page.getByLabel('Compare to').selectOption('2');
    const differences = page.getByRole('list', { name: 'Differences' });
    await expect.poll(() => differences.textContent(), WAIT).toBe('Buyer name: “ACME” → “ACME SAS”');
    await page.getByLabel('Compare to').selectOption('3');
    await expect.poll(() => differences.textContent(), WAIT).toContain('Line 2 added (Print)');

    // The CSV export downloads with the hash chain.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`invoice-${id}-audit.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...rows] = csv.trim().split('\n');
    expect(header?.split(',')).toContain('hash');
    expect(rows.filter((row) => row.startsWith('update,')).length).toBe(3);
  });
});
