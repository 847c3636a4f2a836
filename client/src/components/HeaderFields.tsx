import { FieldPath, type Invoice, setHeaderField } from '@cofacture/shared';
import { useId } from 'react';
import { useEditorContext } from '../hooks/useEditorContext.ts';
import { useFieldAccess } from '../hooks/useFieldAccess.ts';
import { HEADER_LABEL } from '../lib/fieldLabels.ts';
import { FieldFrame } from './FieldFrame.tsx';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'JPY'];

export function HeaderFields({ invoice }: { invoice: Invoice }) {
  const dueBeforeIssue =
    invoice.issueDate !== '' && invoice.dueDate !== '' && invoice.dueDate < invoice.issueDate;
  return (
    <div className="header-fields">
      <DateField field="issueDate" value={invoice.issueDate} />
      <DateField
        field="dueDate"
        value={invoice.dueDate}
        warning={dueBeforeIssue ? 'The due date is before the issue date.' : null}
      />
      <CurrencyField value={invoice.currency} />
    </div>
  );
}

function DateField({
  field,
  value,
  warning = null,
}: {
  field: 'issueDate' | 'dueDate';
  value: string;
  warning?: string | null;
}) {
  const { connection } = useEditorContext();
  const path = FieldPath.header(field);
  const access = useFieldAccess(path);
  const id = useId();
  const describedBy = [warning ? `${id}-warning` : '', access.describedBy ?? ''].join(' ').trim();
  return (
    <FieldFrame path={path} label={HEADER_LABEL[field]} htmlFor={id}>
      <input
        id={id}
        type="date"
        value={value}
        readOnly={access.readOnly}
        title={access.reason}
        aria-describedby={describedBy || undefined}
        onChange={(event) => setHeaderField(connection.doc, field, event.target.value, connection.origin)}
      />
      {warning && (
        <p id={`${id}-warning`} className="field-warning">
          {warning}
        </p>
      )}
    </FieldFrame>
  );
}

function CurrencyField({ value }: { value: string }) {
  const { connection } = useEditorContext();
  const path = FieldPath.header('currency');
  const access = useFieldAccess(path);
  const id = useId();
  const options = CURRENCIES.includes(value) || value === '' ? CURRENCIES : [value, ...CURRENCIES];
  return (
    <FieldFrame path={path} label={HEADER_LABEL.currency} htmlFor={id}>
      <select
        id={id}
        value={value}
        disabled={access.readOnly}
        title={access.reason}
        aria-describedby={access.describedBy}
        onChange={(event) =>
          setHeaderField(connection.doc, 'currency', event.target.value, connection.origin)
        }
      >
        {options.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
