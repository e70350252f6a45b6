// How the result durations are distributed, with p50/p90/p99 marked. One SVG path per series
// (all traces, traces with errors), so the cost does not grow with the number of bins drawn.
import { scaleLinear, scaleLog } from 'd3';
import { useMemo, useRef, type CSSProperties } from 'react';
import { formatDurationUs } from '../lib/duration-format';
import type { TraceSummary } from '../model/types';
import { HISTOGRAM_COLOURS } from './histogram-colours';
import { LABEL_OFFSET_PX, placeMarks } from './histogram-marks';
import { durationHistogram, type ResultStats } from './result-stats';
import { useElementWidthPx } from '../components/use-element-width';

const HEIGHT_PX = 120;
// Room above the plot for three rows of percentile labels (see histogram-marks.ts).
const MARGIN = { top: 38, right: 14, bottom: 22, left: 64 };
const LABEL_ROW_PX = 12;
const MARKS = ['p50', 'p90', 'p99'] as const;
// The bar colours of both themes as CSS variables; the paths' fill classes pick one by theme.
const BAR_COLOUR_VARS = {
  '--histogram-all': HISTOGRAM_COLOURS.light.all,
  '--histogram-errors': HISTOGRAM_COLOURS.light.errors,
  '--histogram-all-dark': HISTOGRAM_COLOURS.dark.all,
  '--histogram-errors-dark': HISTOGRAM_COLOURS.dark.errors,
} as CSSProperties;

export interface DurationHistogramProps {
  summaries: readonly TraceSummary[];
  stats: ResultStats;
}

export function DurationHistogram({ summaries, stats }: DurationHistogramProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const widthPx = useElementWidthPx(containerRef);

  const histogram = useMemo(() => durationHistogram(summaries, stats), [summaries, stats]);
  const drawing = useMemo(() => {
    if (widthPx <= 0 || histogram.bins.length === 0) return null;
    const first = histogram.bins[0]!;
    const last = histogram.bins[histogram.bins.length - 1]!;
    const range = [MARGIN.left, widthPx - MARGIN.right];
    const x =
      histogram.scale === 'log'
        ? scaleLog().domain([first.x0Us, last.x1Us]).range(range).clamp(true)
        : scaleLinear().domain([first.x0Us, last.x1Us]).range(range).clamp(true);
    const y = scaleLinear().domain([0, Math.max(1, histogram.maxCount)]).range([HEIGHT_PX - MARGIN.bottom, MARGIN.top]);
    let all = '';
    let errors = '';
    const base = y(0);
    for (const bin of histogram.bins) {
      const x0 = x(bin.x0Us) + 0.5;
      const w = Math.max(0.5, x(bin.x1Us) - x(bin.x0Us) - 1);
      if (bin.count > 0) all += `M${x0},${base}V${y(bin.count)}h${w}V${base}Z`;
      if (bin.errorCount > 0) errors += `M${x0},${base}V${y(bin.errorCount)}h${w}V${base}Z`;
    }
    const ticks = x.ticks(Math.max(2, Math.floor(widthPx / 110)));
    const step = Math.ceil(ticks.length / Math.max(2, Math.floor(widthPx / 110)));
    return {
      all,
      errors,
      ticks: ticks.filter((_, k) => k % step === 0).map((t) => ({ x: x(t), label: formatDurationUs(t) })),
      marks: placeMarks(
        MARKS.map((key) => ({ key, x: x(Math.max(stats.percentilesUs[key], first.x0Us)) })),
        widthPx - MARGIN.right,
      ),
    };
  }, [histogram, stats, widthPx]);

  const label =
    `Duration histogram of ${stats.count} traces: ` +
    MARKS.map((key) => `${key} ${formatDurationUs(stats.percentilesUs[key])}`).join(', ');

  return (
    <div ref={containerRef} className="w-full">
      <p className="text-xs text-slate-600 dark:text-slate-300" aria-hidden="true">
        {MARKS.map((key) => (
          <span key={key} className="mr-3">
            <span className="font-semibold">{key}</span> {formatDurationUs(stats.percentilesUs[key])}
          </span>
        ))}
      </p>
      <svg
        role="img"
        aria-label={label}
        width={widthPx || undefined}
        height={HEIGHT_PX}
        className="block w-full overflow-visible"
        style={BAR_COLOUR_VARS}
      >
        {drawing ? (
          <>
            <line
              x1={MARGIN.left}
              x2={widthPx - MARGIN.right}
              y1={HEIGHT_PX - MARGIN.bottom + 0.5}
              y2={HEIGHT_PX - MARGIN.bottom + 0.5}
              className="stroke-slate-300 dark:stroke-slate-700"
            />
            <path d={drawing.all} data-histogram-bars="all" className="fill-(--histogram-all) dark:fill-(--histogram-all-dark)" />
            <path d={drawing.errors} data-histogram-bars="errors" className="fill-(--histogram-errors) dark:fill-(--histogram-errors-dark)" />
            {drawing.ticks.map((tick) => (
              <text
                key={tick.x}
                x={tick.x}
                y={HEIGHT_PX - 6}
                textAnchor="middle"
                className="fill-slate-500 text-[11px] dark:fill-slate-400"
              >
                {tick.label}
              </text>
            ))}
            <text x={MARGIN.left - 6} y={MARGIN.top + 4} textAnchor="end" className="fill-slate-500 text-[11px] dark:fill-slate-400">
              {histogram.maxCount}
            </text>
            {drawing.marks.map((mark) => (
              <g key={mark.key}>
                <line
                  x1={mark.x}
                  x2={mark.x}
                  y1={MARGIN.top - 2 - mark.row * LABEL_ROW_PX}
                  y2={HEIGHT_PX - MARGIN.bottom}
                  strokeDasharray="3 2"
                  className="stroke-slate-700 dark:stroke-slate-200"
                />
                <text
                  x={mark.x}
                  dx={mark.anchor === 'end' ? -LABEL_OFFSET_PX : LABEL_OFFSET_PX}
                  textAnchor={mark.anchor}
                  y={MARGIN.top - 5 - mark.row * LABEL_ROW_PX}
                  className="fill-slate-700 text-[11px] font-semibold dark:fill-slate-200"
                >
                  {mark.label}
                </text>
              </g>
            ))}
          </>
        ) : null}
      </svg>
    </div>
  );
}
