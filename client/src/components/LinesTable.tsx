import { type Invoice, KEY, moveLine, type Totals } from '@cofacture/shared';
import { useRef } from 'react';
import { useDragReorder } from '../hooks/useDragReorder.ts';
import { useEditorContext } from '../hooks/useEditorContext.ts';
import { focusSoon } from '../lib/focusRestore.ts';
import { addLine } from '../lib/lines.ts';
import { mentionHintId } from '../lib/mentions.ts';
import { LineRow } from './LineRow.tsx';

export function LinesTable({ invoice, totals }: { invoice: Invoice; totals: Totals }) {
  const { connection, readOnly, mentions } = useEditorContext();
  const missing = mentions.get(KEY.lines);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  useDragReorder(bodyRef, (lineId, position) => {
    if (!readOnly) moveLine(connection.doc, lineId, position, connection.origin);
  });

  const add = () => {
    const id = addLine(connection.doc, connection.origin);
    focusSoon(`[data-line-id="${id}"] .line-description input`);
  };

  return (
    <section className="lines" aria-labelledby="lines-title">
      <h2 id="lines-title">Lines</h2>
      <table className="lines-table">
        <thead>
          <tr>
            <th scope="col" className="line-handle-col">
              <span className="visually-hidden">Order</span>
            </th>
            <th scope="col">Description</th>
            <th scope="col" className="numeric">
              Quantity
            </th>
            <th scope="col" className="numeric">
              Unit price
            </th>
            <th scope="col" className="numeric">
              VAT rate
            </th>
            <th scope="col" className="numeric">
              Without VAT
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {invoice.lines.map((line, index) => (
            <LineRow
              key={line.id}
              invoice={invoice}
              line={line}
              position={index}
              net={totals.lineNets[index] ?? null}
            />
          ))}
        </tbody>
      </table>
      {invoice.lines.length === 0 && <p className="empty-state">No lines yet.</p>}
      {missing && (
        <p id={mentionHintId(KEY.lines)} className="field-hint">
          {missing.join(' · ')}
        </p>
      )}
      {!readOnly && (
        <button type="button" className="button-quiet add-line" onClick={add}>
          + Add line
        </button>
      )}
    </section>
  );
}
