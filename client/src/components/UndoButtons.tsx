import { useUndoState } from '../hooks/useUndoState.ts';
import type { InvoiceConnection } from '../lib/invoiceConnection.ts';
import type { UndoRedo } from '../lib/undo.ts';

export function UndoButtons({ connection, history }: { connection: InvoiceConnection; history: UndoRedo }) {
  const { canUndo, canRedo } = useUndoState(connection.undoManager);
  return (
    <div className="undo-buttons">
      <button
        type="button"
        className="button-quiet"
        onClick={history.undo}
        disabled={!canUndo}
        title="Undo your last change (Ctrl+Z)"
      >
        ↶ Undo
      </button>
      <button
        type="button"
        className="button-quiet"
        onClick={history.redo}
        disabled={!canRedo}
        title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
      >
        ↷ Redo
      </button>
    </div>
  );
}
