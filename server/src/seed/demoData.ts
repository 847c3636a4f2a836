import type { InvoiceInit, Role } from '@cofacture/shared';
import type { TemplateContent } from '../services/templates/TemplateService.ts';

export const DEMO_PASSWORD = 'cofacture-demo';

export const DEMO_ORG = 'Atelier Lumen SAS';

export const DEMO_USERS: readonly { email: string; name: string; roles: Role[] }[] = [
  { email: 'admin@demo.test', name: 'Adèle Admin', roles: ['admin'] },
  { email: 'alice@demo.test', name: 'Alice Martin', roles: ['preparer'] },
  { email: 'bob@demo.test', name: 'Bob Durand', roles: ['verifier'] },
  { email: 'carol@demo.test', name: 'Carol Petit', roles: ['approver'] },
  { email: 'cathy@demo.test', name: 'Cathy Leroy', roles: ['approver'] },
  { email: 'dave@demo.test', name: 'Dave Moreau', roles: ['auditor'] },
  { email: 'erin@demo.test', name: 'Erin Fabre', roles: ['viewer'] },
];

const SELLER = {
  name: 'Atelier Lumen SAS',
  address: '12 rue des Arts\n69002 Lyon\nFrance',
  vatId: 'FR32852146987',
  email: 'facturation@atelier-lumen.fr',
  siren: '852146987',
};

const TERMS =
  'Paiement à 30 jours date de facture, par virement.\n' +
  'Pénalités de retard : 3 fois le taux d’intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.';

/** A few invoices in different workflow states, with realistic French and EU buyers. */
export const DEMO_INVOICES: readonly InvoiceInit[] = [
  {
    issueDate: '2026-11-28',
    dueDate: '2026-12-28',
    seller: SELLER,
    buyer: {
      name: 'Boulangerie Martin SARL',
      address: '4 place du Marché\n21000 Dijon\nFrance',
      vatId: 'FR61512948730',
      siren: '512948730',
      email: 'compta@boulangerie-martin.fr',
    },
    lines: [
      { description: 'Refonte de l’identité visuelle', quantity: '1', unitPrice: '2400.00', vatRate: '20' },
      { description: 'Impression menus (lot de 500)', quantity: '2', unitPrice: '185.50', vatRate: '20' },
      {
        description: 'Séance photo produits (demi-journée)',
        quantity: '1',
        unitPrice: '450.00',
        vatRate: '20',
      },
    ],
    notes: 'Merci pour votre confiance.\nLivraison des fichiers sources sous 8 jours.',
    terms: TERMS,
    status: 'draft',
  },
  {
    issueDate: '2026-11-25',
    dueDate: '2026-12-25',
    seller: SELLER,
    buyer: {
      name: 'Nordwind GmbH',
      address: 'Speicherstadt 7\n20457 Hamburg\nDeutschland',
      vatId: 'DE129273398',
      email: 'rechnungen@nordwind.de',
      siren: '',
    },
    lines: [
      {
        description: 'Conception catalogue 2027 (48 pages)',
        quantity: '48',
        unitPrice: '95.00',
        vatRate: '0',
      },
      { description: 'Traduction FR → DE', quantity: '12.5', unitPrice: '68.00', vatRate: '0' },
    ],
    notes: 'Autoliquidation — article 196 de la directive 2006/112/CE.',
    terms: TERMS,
    status: 'in_review',
  },
  {
    issueDate: '2026-11-20',
    dueDate: '2026-12-20',
    seller: SELLER,
    buyer: {
      name: 'Librairie du Rhône',
      address: '31 quai Saint-Antoine\n69002 Lyon\nFrance',
      vatId: 'FR08432198765',
      siren: '432198765',
      email: 'gestion@librairie-rhone.fr',
    },
    lines: [
      { description: 'Ouvrages illustrés (TVA 5,5 %)', quantity: '40', unitPrice: '18.90', vatRate: '5.5' },
      { description: 'Mise en vitrine et signalétique', quantity: '1', unitPrice: '320.00', vatRate: '20' },
    ],
    terms: TERMS,
    status: 'verified',
  },
  {
    issueDate: '2026-11-02',
    dueDate: '2026-12-02',
    seller: SELLER,
    buyer: {
      name: 'Studio Lumière SAS',
      address: '8 avenue Jean-Jaurès\n75019 Paris\nFrance',
      vatId: 'FR27790455612',
      siren: '790455612',
      email: 'admin@studio-lumiere.fr',
    },
    lines: [
      { description: 'Location éclairage (jour)', quantity: '3', unitPrice: '410.00', vatRate: '20' },
      { description: 'Régisseur lumière (heure)', quantity: '14', unitPrice: '55.00', vatRate: '20' },
      { description: 'Remise fidélité', quantity: '1', unitPrice: '-120.00', vatRate: '20' },
    ],
    terms: TERMS,
    status: 'issued',
    number: '2026-000001',
  },
  {
    issueDate: '2026-10-15',
    dueDate: '2026-11-14',
    seller: SELLER,
    buyer: {
      name: 'Café des Arts',
      address: '2 rue Mercière\n69002 Lyon\nFrance',
      vatId: 'FR55398127644',
      siren: '398127644',
      email: 'contact@cafedesarts.fr',
    },
    lines: [
      { description: 'Fresque murale (m²)', quantity: '12', unitPrice: '140.00', vatRate: '20' },
      { description: 'Vernis de protection', quantity: '1', unitPrice: '96.40', vatRate: '20' },
    ],
    terms: TERMS,
    status: 'paid',
    number: '2025-000118',
  },
];

export const DEMO_TEMPLATE: TemplateContent = {
  name: 'Prestation graphique (standard)',
  currency: 'EUR',
  seller: SELLER,
  terms: TERMS,
  lines: [
    { description: 'Conception graphique (jour)', quantity: '1', unitPrice: '650.00', vatRate: '20' },
    { description: 'Frais de déplacement', quantity: '1', unitPrice: '', vatRate: '20' },
  ],
  vatRate: '20',
  dueDays: 30,
};
