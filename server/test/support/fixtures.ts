import type { InvoiceInit } from '@cofacture/shared';

/** An invoice that carries every French/EU mandatory mention, so the workflow can run on it. */
export const COMPLETE: InvoiceInit = {
  issueDate: '2026-12-01',
  dueDate: '2026-12-31',
  seller: {
    name: 'Atelier Lumen SAS',
    address: '12 rue des Arts, Lyon',
    vatId: 'FR32852146987',
    siren: '852146987',
  },
  buyer: { name: 'ACME SARL', address: '1 rue X, Paris', vatId: 'FR61512948730' },
  terms:
    'Paiement à 30 jours. Pénalités de retard : 3 fois le taux légal. Indemnité forfaitaire de recouvrement : 40 €.',
  lines: [{ description: 'Design', quantity: '2', unitPrice: '100', vatRate: '20' }],
};

/** Above the default 10 000.00 level: needs two distinct approvers. */
export const BIG: InvoiceInit = {
  ...COMPLETE,
  lines: [{ description: 'Big job', quantity: '1', unitPrice: '20000', vatRate: '20' }],
};
