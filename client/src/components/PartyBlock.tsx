import { FieldPath, type PartyField, type PartyKey, partyText } from '@cofacture/shared';
import { useEditorContext } from '../hooks/useEditorContext.ts';
import { TextField } from './TextField.tsx';

const PARTY_LABEL: Record<PartyKey, string> = { seller: 'Seller', buyer: 'Buyer' };
const FIELD_LABEL: Record<PartyField, string> = {
  name: 'name',
  address: 'address',
  vatId: 'VAT ID',
  email: 'email',
  siren: 'SIREN',
};

export function PartyBlock({ party }: { party: PartyKey }) {
  const { connection } = useEditorContext();
  const field = (name: PartyField) => ({
    path: FieldPath.party(party, name),
    label: `${PARTY_LABEL[party]} ${FIELD_LABEL[name]}`,
    text: partyText(connection.doc, party, name),
  });
  return (
    <fieldset className="party">
      <legend>{PARTY_LABEL[party]}</legend>
      <TextField {...field('name')} />
      <TextField {...field('address')} multiline />
      <div className="field-row">
        <TextField {...field('vatId')} placeholder="FR00123456789" />
        <TextField {...field('siren')} placeholder="123 456 789" />
      </div>
      <TextField {...field('email')} type="email" />
    </fieldset>
  );
}
