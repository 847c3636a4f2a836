import { FieldPath, type Invoice, setHeaderField } from '@cofacture/shared';
import { useId } from 'react';
import { useEditorContext } from '../hooks/useEditorContext.ts';
import { FieldFrame } from './FieldFrame.tsx';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'JPY'];

export function HeaderFields({ invoice }: { invoice: Invoice }) {
  const dueBeforeIssue =
    invoice.issueDate !== '' && invoice.dueDate !== '' && invoice.dueDate < invoice.issueDate;
  return (
    <div className="header-fields">
      <DateField field="issueDate" label="Issue date" value={invoice.issueDate} />
      <DateField
        field="dueDate"
        label="Due date"
        value={invoice.dueDate}
        warning={dueBeforeIssue ? 'The due date is before the issue date.' : null}
      />
      <CurrencyField value={invoice.currency} />
    </div>
  );
}

function DateField({
  field,
  label,
  value,
  warning = null,
}: {
  field: 'issueDate' | 'dueDate';
  label: string;
  value: string;
  warning?: string | null;
}) {
  const { connection, readOnly } = useEditorContext();
  const id = useId();
  return (
    <FieldFrame path={FieldPath.header(field)} label={label} htmlFor={id}>
      <input
        id={id}
        type="date"
        value={value}
        readOnly={readOnly}
        aria-describedby={warning ? `${id}-warning` : undefined}
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
  const { connection, readOnly } = useEditorContext();
  const id = useId();
  const options = CURRENCIES.includes(value) || value === '' ? CURRENCIES : [value, ...CURRENCIES];
  return (
    <FieldFrame path={FieldPath.header('currency')} label="Currency" htmlFor={id}>
      <select
        id={id}
        value={value}
        disabled={readOnly}
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
