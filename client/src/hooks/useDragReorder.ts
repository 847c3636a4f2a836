import { type RefObject, useEffect, useRef } from 'react';
import { registerDragReorder } from '../lib/dragReorder.ts';

export function useDragReorder(
  ref: RefObject<HTMLElement | null>,
  onMove: (lineId: string, toPosition: number) => void,
): void {
  // The latest callback, without re-registering the listeners on every render.
  const latest = useRef(onMove);
  latest.current = onMove;
  useEffect(() => {
    const body = ref.current;
    if (!body) return;
    return registerDragReorder(body, { onMove: (id, to) => latest.current(id, to) });
  }, [ref]);
}
