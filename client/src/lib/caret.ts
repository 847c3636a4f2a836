/** A Yjs text delta, as `Y.YTextEvent.delta` reports it. */
export type TextDelta = ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>;

/**
 * Where a caret index ends up after a remote change. Text inserted before the caret pushes it
 * right; text inserted exactly at the caret stays after it (the caret keeps its place before
 * the other person's text); a deletion around the caret pulls it to the deletion's start.
 */
export function transformIndex(index: number, delta: TextDelta): number {
  // `position` walks the text as it was before the change; the caret sits at `index` in it.
  let position = 0;
  let shift = 0;
  for (const op of delta) {
    if (position >= index) break;
    if (op.retain !== undefined) {
      position += op.retain;
    } else if (op.delete !== undefined) {
      shift -= Math.min(op.delete, index - position);
      position += op.delete;
    } else if (op.insert !== undefined) {
      shift += typeof op.insert === 'string' ? op.insert.length : 1;
    }
  }
  return index + shift;
}

export interface Selection {
  start: number;
  end: number;
  direction: 'forward' | 'backward' | 'none';
}

export function transformSelection(selection: Selection, delta: TextDelta): Selection {
  return {
    start: transformIndex(selection.start, delta),
    end: transformIndex(selection.end, delta),
    direction: selection.direction,
  };
}
