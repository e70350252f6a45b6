import { FASTER_COLOURS, NEUTRAL_COLOUR, SLOWER_COLOURS } from './delta-format';

const BASELINE = '#8b95a5';

function Swatch({ colour, hatched = false }: { colour: string; hatched?: boolean }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block h-2 w-4 rounded-[2px]"
      style={{
        backgroundColor: colour,
        backgroundImage: hatched ? 'repeating-linear-gradient(135deg, transparent 0 3px, rgba(255,255,255,0.55) 3px 5px)' : undefined,
      }}
    />
  );
}

/** What the bar colours mean. The upper bar of a row is A, the lower one B. */
export function DeltaLegend({ className = '' }: { className?: string }) {
  return (
    <ul aria-label="Bar colours" className={`flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300 ${className}`}>
      <li className="flex items-center gap-1">
        <Swatch colour={BASELINE} /> A (upper bar)
      </li>
      <li className="flex items-center gap-1">
        <Swatch colour={NEUTRAL_COLOUR} /> B same
      </li>
      <li className="flex items-center gap-1">
        <Swatch colour={SLOWER_COLOURS[2]} /> B slower
      </li>
      <li className="flex items-center gap-1">
        <Swatch colour={FASTER_COLOURS[2]} /> B faster
      </li>
      <li className="flex items-center gap-1">
        <Swatch colour={BASELINE} hatched /> only in A
      </li>
    </ul>
  );
}
