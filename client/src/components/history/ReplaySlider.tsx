import { formatMoment } from '../../lib/format.ts';
import { describeEntry, type ReplayStop } from '../../lib/history.ts';

/** One stop per entry; arrow keys, Home and End move it (a native range input). */
export function ReplaySlider({
  stops,
  index,
  onChange,
}: {
  stops: readonly ReplayStop[];
  index: number;
  onChange(index: number): void;
}) {
  const stop = stops[index];
  const text = stop
    ? `Change ${index + 1} of ${stops.length}: ${stop.entry.userName}, ${formatMoment(stop.entry.atTo)}, ${describeEntry(stop.entry)}`
    : '';
  return (
    <div className="replay-slider">
      <label htmlFor="replay-position" className="field-label">
        Replay position
      </label>
      <input
        id="replay-position"
        type="range"
        min={0}
        max={Math.max(stops.length - 1, 0)}
        step={1}
        value={index}
        aria-valuetext={text}
        disabled={stops.length < 2}
        onChange={(event) => onChange(Number(event.target.value))}
      />
      <p className="muted" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
