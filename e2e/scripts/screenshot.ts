/**
 * Writes docs/editor.png: the invoice editor as Alice sees it while Adèle types in the notes
 * and Bob is in a line's quantity. Run: `node --import tsx e2e/scripts/screenshot.ts`.
 */
import { fileURLToPath } from 'node:url';
import { startE2E } from '../support/harness.ts';

const OUT = fileURLToPath(new URL('../../docs/editor.png', import.meta.url));

const e2e = await startE2E();
try {
  const id = await e2e.createInvoice('alice@demo.test', {
    issueDate: '2026-03-02',
    dueDate: '2026-04-01',
    seller: {
      name: 'Atelier Lumen SAS',
      address: '18 rue des Tanneurs\n69002 Lyon',
      vatId: 'FR32 123456789',
      siren: '123 456 789',
      email: 'factures@lumen.example',
    },
    buyer: {
      name: 'Boulangerie Martin SARL',
      address: '4 place du Marché\n38000 Grenoble',
      vatId: 'FR61 987654321',
      siren: '987 654 321',
      email: 'compta@martin.example',
    },
    lines: [
      { description: 'Shop front lighting design', quantity: '1', unitPrice: '1850', vatRate: '20' },
      { description: 'LED pendant lamps', quantity: '6', unitPrice: '129.90', vatRate: '20' },
      { description: 'Installation guide (printed)', quantity: '2', unitPrice: '14.50', vatRate: '5.5' },
    ],
    notes: 'Thank you for your trust.',
    terms:
      'Payment within 30 days by bank transfer. Late payment: 3× the legal interest rate and a €40 fixed fee.',
  });
  const alice = await e2e.openInvoice('alice@demo.test', id);
  const adele = await e2e.openInvoice('admin@demo.test', id);
  const bob = await e2e.openInvoice('bob@demo.test', id);

  await adele.richText('Notes').click();
  await adele.page.keyboard.press('Control+End');
  await adele.page.keyboard.type(' We hope to work with you again');
  await bob.line('Quantity', 2).focus();
  await alice.field('Buyer name').click();
  await alice.page.locator('.remote-cursors', { hasText: 'Adèle Admin' }).waitFor({ state: 'attached' });
  await alice.page.locator('.peer-tag', { hasText: 'Bob Durand' }).waitFor();
  await alice.page.waitForTimeout(300);
  await alice.page.screenshot({ path: OUT, fullPage: true });
  console.log(`Wrote ${OUT}`);
} finally {
  await e2e.close();
}
