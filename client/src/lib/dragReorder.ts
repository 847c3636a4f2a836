const MIME = 'application/x-cofacture-line';

export interface DragReorderOptions {
  /** Rows carry `data-line-id`; handles inside them carry `data-drag-handle`. */
  readonly onMove: (lineId: string, toPosition: number) => void;
}

/**
 * Drag-and-drop reordering of table rows by their handle (HTML drag and drop, so it also works
 * for tests driving a real browser). The keyboard path is separate: move buttons and Alt+↑/↓.
 */
export function registerDragReorder(body: HTMLElement, { onMove }: DragReorderOptions): () => void {
  const rows = () => [...body.querySelectorAll<HTMLElement>('[data-line-id]')];
  const rowOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<HTMLElement>('[data-line-id]') : null;
  let dragged: string | null = null;

  const clearMarks = () => {
    for (const row of rows()) row.classList.remove('drop-before', 'drop-after', 'dragging');
  };
  const onDragStart = (event: DragEvent) => {
    const handle = event.target instanceof Element ? event.target.closest('[data-drag-handle]') : null;
    const row = rowOf(event.target);
    if (!handle || !row?.dataset.lineId || !event.dataTransfer) return;
    dragged = row.dataset.lineId;
    event.dataTransfer.setData(MIME, dragged);
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setDragImage(row, 16, 16);
    row.classList.add('dragging');
  };
  const onDragOver = (event: DragEvent) => {
    const row = rowOf(event.target);
    if (!dragged || !row) return;
    event.preventDefault();
    const all = rows();
    const from = all.findIndex((r) => r.dataset.lineId === dragged);
    const to = all.indexOf(row);
    for (const r of all) r.classList.remove('drop-before', 'drop-after');
    if (to !== from) row.classList.add(to < from ? 'drop-before' : 'drop-after');
  };
  const onDrop = (event: DragEvent) => {
    const row = rowOf(event.target);
    const id = dragged;
    clearMarks();
    dragged = null;
    if (!row || !id) return;
    event.preventDefault();
    const to = rows().indexOf(row);
    if (to !== -1 && row.dataset.lineId !== id) onMove(id, to);
  };
  const onDragEnd = () => {
    clearMarks();
    dragged = null;
  };
  body.addEventListener('dragstart', onDragStart);
  body.addEventListener('dragover', onDragOver);
  body.addEventListener('drop', onDrop);
  body.addEventListener('dragend', onDragEnd);
  return () => {
    body.removeEventListener('dragstart', onDragStart);
    body.removeEventListener('dragover', onDragOver);
    body.removeEventListener('drop', onDrop);
    body.removeEventListener('dragend', onDragEnd);
  };
}
