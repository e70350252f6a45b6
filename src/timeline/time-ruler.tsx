// The time ruler above the bars: round ticks of the current view, labelled as offsets from the
// trace start. The first and last labels are pulled inwards so that they never clip.

import { rulerTickLabels } from './ruler-labels';
import { rulerTicks, type ViewRange } from './time-scale';

interface TimeRulerProps {
  view: ViewRange;
  widthPx: number;
}

export function TimeRuler({ view, widthPx }: TimeRulerProps) {
  const ticks = rulerTicks(view, widthPx);
  const labels = rulerTickLabels(ticks.map((tick) => tick.timeUs));
  return (
    <div className="relative h-6 w-full overflow-hidden text-[11px] text-gray-600 tabular-nums dark:text-gray-400" aria-hidden="true">
      {ticks.map((tick, i) => {
        const leftPct = tick.at * 100;
        const align = tick.at > 0.95 ? '-translate-x-full' : tick.at < 0.05 ? '' : '-translate-x-1/2';
        return (
          <div key={tick.timeUs}>
            <span className="absolute bottom-0 h-2 w-px bg-gray-400 dark:bg-gray-600" style={{ left: `${leftPct}%` }} />
            <span className={`absolute top-0.5 whitespace-nowrap px-0.5 ${align}`} style={{ left: `${leftPct}%` }}>
              {labels[i]}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/** Faint vertical lines at the ruler's ticks, drawn behind the rows. */
export function TickGridLines({ view, widthPx }: TimeRulerProps) {
  const ticks = rulerTicks(view, widthPx);
  return (
    <div className="pointer-events-none absolute inset-0" aria-hidden="true">
      {ticks.map((tick) => (
        <span key={tick.timeUs} className="absolute top-0 bottom-0 w-px bg-gray-100 dark:bg-gray-800" style={{ left: `${tick.at * 100}%` }} />
      ))}
    </div>
  );
}
