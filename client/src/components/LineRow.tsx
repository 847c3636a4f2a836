import {
  duplicateLine,
  FieldPath,
  findLine,
  type Invoice,
  type InvoiceLine,
  type LineNumberField,
  lineDescription,
  linePath,
  removeLine,
  setLineField,
} from '@cofacture/shared';
import type { KeyboardEvent } from 'react';
import { useEditorContext } from '../hooks/useEditorContext.ts';
import { useFieldAccess } from '../hooks/useFieldAccess.ts';
import { DECIMAL_FIELDS } from '../lib/decimalField.ts';
import { lineFieldLabel, lineLabel } from '../lib/fieldLabels.ts';
import { focusSoon, keepFocus } from '../lib/focusRestore.ts';
import { formatAmount } from '../lib/format.ts';
import { moveLineBy } from '../lib/lines.ts';
import { CommentMarker } from './comments/CommentMarker.tsx';
import { DecimalInput } from './DecimalInput.tsx';
import { FieldFrame } from './FieldFrame.tsx';
import { Icon } from './Icon.tsx';
import { LockBadge, LockButton } from './LockControls.tsx';
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
  // Moving sets the line's position; removing touches the whole line (and whatever is locked in it).
  const moving = useFieldAccess(linePath(line.id, 'position'));
  const removing = useFieldAccess(linePath(line.id));
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
    if (moving.readOnly || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(event.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <tr data-line-id={line.id} onKeyDown={onKeyDown}>
      <td className="line-handle-col">
        {!moving.readOnly && (
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
        <LockBadge path={linePath(line.id)} />
        <TextField
          path={FieldPath.line(line.id, 'description')}
          label="Description"
          ariaLabel={lineFieldLabel('description', n)}
          text={description}
        />
      </td>
      {NUMBER_FIELDS.map((field) => (
        <td key={field} className="numeric">
          <LineNumber line={line} field={field} n={n} />
        </td>
      ))}
      <td className="numeric line-net" data-line-net>
        {net === null ? '—' : formatAmount(net, invoice.currency)}
      </td>
      <td className="line-actions">
        <LockButton path={linePath(line.id)} label={lineLabel(n)} compact />
        <CommentMarker
          path={linePath(line.id)}
          label={lineLabel(n)}
          anchor={{ type: 'line', lineId: line.id }}
        />
        {!readOnly && (
          <>
            <button
              type="button"
              id={`line-${line.id}-up`}
              aria-label={`Move line ${n} up`}
              title={moving.reason ?? 'Move up'}
              disabled={moving.readOnly || position === 0}
              onClick={() => move(-1)}
            >
              <Icon name="up" />
            </button>
            <button
              type="button"
              id={`line-${line.id}-down`}
              aria-label={`Move line ${n} down`}
              title={moving.reason ?? 'Move down'}
              disabled={moving.readOnly || position === count - 1}
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
              title={removing.reason ?? 'Remove'}
              className="danger"
              disabled={removing.readOnly}
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

/** A number of the line; it locks itself while the person is in it (see lockRequests.ts). */
function LineNumber({ line, field, n }: { line: InvoiceLine; field: LineNumberField; n: number }) {
  const { connection } = useEditorContext();
  const path = FieldPath.line(line.id, field);
  const access = useFieldAccess(path);
  const label = lineFieldLabel(field, n);
  return (
    <FieldFrame path={path} label={DECIMAL_FIELDS[field].label} fullLabel={label} hideLabel>
      <DecimalInput
        field={field}
        value={line[field]}
        ariaLabel={label}
        readOnly={access.readOnly}
        title={access.reason}
        describedBy={access.describedBy}
        autoLock
        suffix={field === 'vatRate' ? '%' : undefined}
        onCommit={(value) => setLineField(connection.doc, line.id, field, value, connection.origin)}
      />
    </FieldFrame>
  );
}
