import { FieldPath, type PartyField, type PartyKey, partyText } from '@cofacture/shared';
import { useEditorContext } from '../hooks/useEditorContext.ts';
import { PARTY_LABEL, partyBlockLabel, partyFieldLabel } from '../lib/fieldLabels.ts';
import { LockBadge, LockButton } from './LockControls.tsx';
import { TextField } from './TextField.tsx';

export function PartyBlock({ party }: { party: PartyKey }) {
  const { connection } = useEditorContext();
  const field = (name: PartyField) => ({
    path: FieldPath.party(party, name),
    label: partyFieldLabel(party, name),
    text: partyText(connection.doc, party, name),
  });
  return (
    <fieldset className="party" data-block={party}>
      <legend>{PARTY_LABEL[party]}</legend>
      <div className="block-tools">
        <LockBadge path={party} />
        <LockButton path={party} label={partyBlockLabel(party)} />
      </div>
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
