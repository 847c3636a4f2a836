import {
  duplicateLine,
  FieldPath,
  findLine,
  type Invoice,
  type InvoiceLine,
  type LineNumberField,
  lineDescription,
  removeLine,
  setLineField,
} from '@cofacture/shared';
import type { KeyboardEvent } from 'react';
import { useEditorContext } from '../hooks/useEditorContext.ts';
import { DECIMAL_FIELDS } from '../lib/decimalField.ts';
import { focusSoon, keepFocus } from '../lib/focusRestore.ts';
import { formatAmount } from '../lib/format.ts';
import { moveLineBy } from '../lib/lines.ts';
import { DecimalInput } from './DecimalInput.tsx';
import { FieldFrame } from './FieldFrame.tsx';
import { Icon } from './Icon.tsx';
import { TextField } from './TextField.tsx';

interface LineRowProps {
  readonly invoice: Invoice;
  readonly line: InvoiceLine;
  /** 0-based position in the list; people read "line 1". */
  readonly position: number;
  readonly net: string | null;
}

const NUMBER_FIELDS: readonly LineNumberField[] = ['quantity', 'unitPrice', 'vatRate'];

export function LineRow({ invoice, line, position, net }: LineRowProps) {
  const { connection, readOnly } = useEditorContext();
  const { doc, origin } = connection;
  const n = position + 1;
  const count = invoice.lines.length;
  const found = findLine(doc, line.id);
  const description = found ? lineDescription(found.line) : null;

  const move = (by: -1 | 1) => keepFocus(() => moveLineBy(doc, invoice, line.id, by, origin));
  const remove = () => {
    const next = invoice.lines[position + 1] ?? invoice.lines[position - 1];
    removeLine(doc, line.id, origin);
    focusSoon(next ? `[data-line-id="${next.id}"] .line-description input` : '.add-line');
  };
  const duplicate = () => {
    const id = duplicateLine(doc, line.id, origin);
    focusSoon(`[data-line-id="${id}"] .line-description input`);
  };
  // Alt+↑ / Alt+↓ anywhere in the row moves it, the keyboard twin of dragging the handle.
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (readOnly || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(event.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <tr data-line-id={line.id} onKeyDown={onKeyDown}>
      <td className="line-handle-col">
        {!readOnly && (
          <span
            className="drag-handle"
            draggable
            data-drag-handle
            title="Drag to reorder (or Alt+↑/↓)"
            aria-hidden
          >
            ⠿
          </span>
        )}
        <span className="line-number">{n}</span>
      </td>
      <td className="line-description">
        <TextField
          path={FieldPath.line(line.id, 'description')}
          label="Description"
          ariaLabel={`Description, line ${n}`}
          text={description}
        />
      </td>
      {NUMBER_FIELDS.map((field) => (
        <td key={field} className="numeric">
          <FieldFrame path={FieldPath.line(line.id, field)} label={DECIMAL_FIELDS[field].label} hideLabel>
            <DecimalInput
              field={field}
              value={line[field]}
              ariaLabel={`${DECIMAL_FIELDS[field].label}, line ${n}`}
              readOnly={readOnly}
              suffix={field === 'vatRate' ? '%' : undefined}
              onCommit={(value) => setLineField(doc, line.id, field, value, origin)}
            />
          </FieldFrame>
        </td>
      ))}
      <td className="numeric line-net" data-line-net>
        {net === null ? '—' : formatAmount(net, invoice.currency)}
      </td>
      <td className="line-actions">
        {!readOnly && (
          <>
            <button
              type="button"
              id={`line-${line.id}-up`}
              aria-label={`Move line ${n} up`}
              title="Move up"
              disabled={position === 0}
              onClick={() => move(-1)}
            >
              <Icon name="up" />
            </button>
            <button
              type="button"
              id={`line-${line.id}-down`}
              aria-label={`Move line ${n} down`}
              title="Move down"
              disabled={position === count - 1}
              onClick={() => move(1)}
            >
              <Icon name="down" />
            </button>
            <button type="button" aria-label={`Duplicate line ${n}`} title="Duplicate" onClick={duplicate}>
              <Icon name="duplicate" />
            </button>
            <button
              type="button"
              aria-label={`Remove line ${n}`}
              title="Remove"
              className="danger"
              onClick={remove}
            >
              <Icon name="remove" />
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
