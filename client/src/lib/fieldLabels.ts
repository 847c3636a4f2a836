import {
  type HeaderField,
  type LineFieldName,
  lineIdOfPath,
  type PartyField,
  type PartyKey,
  pathFamily,
  type RichTextField,
} from '@cofacture/shared';

/**
 * The words people (and screen readers, and the end-to-end tests) know each field by: the
 * input labels, the lock buttons ("Lock Buyer name", "Lock line 2", "Lock buyer block") and
 * the messages about a path all come from here.
 */
export const PARTY_LABEL: Record<PartyKey, string> = { seller: 'Seller', buyer: 'Buyer' };

const PARTY_FIELD_LABEL: Record<PartyField, string> = {
  name: 'name',
  address: 'address',
  vatId: 'VAT ID',
  email: 'email',
  siren: 'SIREN',
};

export const HEADER_LABEL: Record<HeaderField, string> = {
  issueDate: 'Issue date',
  dueDate: 'Due date',
  currency: 'Currency',
};

export const RICH_TEXT_LABEL: Record<RichTextField, string> = { notes: 'Notes', terms: 'Payment terms' };

export const LINE_FIELD_LABEL: Record<LineFieldName, string> = {
  description: 'Description',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  vatRate: 'VAT rate',
};

export function partyFieldLabel(party: PartyKey, field: PartyField): string {
  return `${PARTY_LABEL[party]} ${PARTY_FIELD_LABEL[field]}`;
}

/** "buyer block", as in "Lock buyer block". */
export function partyBlockLabel(party: PartyKey): string {
  return `${PARTY_LABEL[party].toLowerCase()} block`;
}

/** "line 2", as in "Lock line 2"; `n` is 1-based. */
export function lineLabel(n: number): string {
  return `line ${n}`;
}

/** "Quantity, line 2": the accessible name of a line's input. */
export function lineFieldLabel(field: LineFieldName, n: number): string {
  return `${LINE_FIELD_LABEL[field]}, ${lineLabel(n)}`;
}

/**
 * A path in words, for messages ("Buyer name", "buyer block", "line 2", "Quantity, line 2");
 * `lineIds` is the lines' order on screen. Unknown paths are shown as they are.
 */
export function pathLabel(path: string, lineIds: readonly string[]): string {
  const [head, second, third] = path.split('.');
  switch (pathFamily(path)) {
    case 'header':
      return HEADER_LABEL[head as HeaderField];
    case 'richText':
      return RICH_TEXT_LABEL[head as RichTextField];
    case 'party':
      return second === undefined
        ? partyBlockLabel(head as PartyKey)
        : partyFieldLabel(head as PartyKey, second as PartyField);
    case 'lineField': {
      const index = lineIds.indexOf(lineIdOfPath(path) ?? '');
      if (index === -1) return 'a removed line';
      if (third === undefined) return lineLabel(index + 1);
      return third in LINE_FIELD_LABEL
        ? lineFieldLabel(third as LineFieldName, index + 1)
        : `${lineLabel(index + 1)} (${third})`;
    }
    case 'lineList':
      return 'the lines';
    default:
      return path;
  }
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
