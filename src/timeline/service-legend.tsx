// The service legend: one swatch per service with its span and error counts. Long lists fold
// behind a "more" button so that a 60-service trace does not push the waterfall off screen.

import { memo, useState } from 'react';
import type { ServiceInfo } from '../model/types';

const FOLDED_LIMIT = 12;

/** Memoised: its props change only with the trace, and the timeline re-renders on every scroll. */
export const ServiceLegend = memo(function ServiceLegend({ services, colours }: { services: readonly ServiceInfo[]; colours: readonly string[] }) {
  const [showAll, setShowAll] = useState(false);
  const order = services.map((_, i) => i).sort((a, b) => (services[b]?.spanCount ?? 0) - (services[a]?.spanCount ?? 0));
  const shown = showAll ? order : order.slice(0, FOLDED_LIMIT);
  return (
    <ul aria-label="Services" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
      {shown.map((i) => {
        const service = services[i];
        if (!service) return null;
        return (
          <li key={i} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: colours[i] }} />
            <span className="font-medium text-slate-900 dark:text-slate-100">{service.name}</span>
            <span className="tabular-nums">
              {service.spanCount}
              {service.errorCount > 0 && <span className="text-red-700 dark:text-red-400"> · {service.errorCount} err</span>}
            </span>
          </li>
        );
      })}
      {order.length > FOLDED_LIMIT && (
        <li>
          <button type="button" className="text-sky-700 underline dark:text-sky-300" onClick={() => setShowAll(!showAll)}>
            {showAll ? 'fewer' : `+${order.length - FOLDED_LIMIT} more`}
          </button>
        </li>
      )}
    </ul>
  );
});
