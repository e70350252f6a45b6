// What a waterfall row looks like, without React: sizes, class names and the placement of the bar's
// label. The timeline's rows (span-row.tsx) and the rows drawn before React has loaded
// (static-span-rows.ts) share it, so that the second look like the first.
//
// Class names are written out in full, never assembled: Tailwind finds classes by scanning the
// source text.

export const INDENT_PX = 14;
/** Row height; the `h-7` class of a row says the same, and the row list is laid out with it. */
export const ROW_HEIGHT_PX = 28;
/** The name column width comes from this CSS variable, set once on the grid, not per row. */
export const NAME_COLUMN_VAR = '--name-col';
/** The name column's width until the user drags its edge. */
export const DEFAULT_NAME_COLUMN_PX = 380;

// h-7 = ROW_HEIGHT_PX; the column template reads NAME_COLUMN_VAR.
// Size containment: a new row never makes the browser lay out anything else.
export const rowBase =
  'absolute top-0 left-0 grid h-7 w-full grid-cols-[var(--name-col)_minmax(0,1fr)] cursor-default border-b border-gray-100 text-sm select-none contain-strict dark:border-gray-800/70';
const nameCellBase = 'flex min-w-0 items-center gap-1 overflow-hidden border-r border-gray-200 pr-2 dark:border-gray-700';
// One vertical line per ancestor level, as a repeating background of the name cell.
const guidesClass =
  'bg-[repeating-linear-gradient(to_right,transparent_0_10px,var(--guide)_10px_11px,transparent_11px_14px)] bg-no-repeat [--guide:var(--color-gray-300)] dark:[--guide:var(--color-gray-700)]';
export const timeCell = 'relative min-w-0 overflow-hidden';

/** The service swatch (a pseudo-element in the `--svc` colour) and the truncated name text. */
export const serviceNameClass =
  "min-w-0 truncate before:mr-1 before:inline-block before:h-3 before:w-1.5 before:rounded-sm before:align-[-1px] before:[background-color:var(--svc)] before:content-['']";
export const serviceNameText = 'text-gray-900 dark:text-gray-50';
export const serviceNameItalicText = 'text-gray-800 italic dark:text-gray-100';
export const serviceLabelClass = 'font-medium text-gray-600 dark:text-gray-300';


/**
 * Indentation of the name cell: guides for `depth` levels (capped so that names keep ~140 px of
 * the name column) and room for the toggle, which leaves do not have.
 */
export function nameCellIndent(depth: number, hasToggle: boolean): { className: string; style: { paddingLeft: string | number; backgroundSize?: string } } {
  const toggleRoomPx = hasToggle ? 8 : 28; // 4 px margin + gap, plus the 16 px toggle and its gap for leaves
  if (depth <= 0) return { className: nameCellBase, style: { paddingLeft: toggleRoomPx } };
  const guidesPx = `min(${depth * INDENT_PX}px, var(${NAME_COLUMN_VAR}) - 140px)`;
  return {
    className: `${nameCellBase} ${guidesClass}`,
    style: { paddingLeft: `calc(${guidesPx} + ${toggleRoomPx}px)`, backgroundSize: `${guidesPx} 100%` },
  };
}

// Vertical placement in the 27 px cell (28 px row minus its bottom border) by fixed offsets: the
// centre is 13.5 px down.
export const barClass = 'absolute top-[7.5px] h-3 rounded-[2px]';
const labelBase = 'pointer-events-none absolute truncate px-1 whitespace-nowrap tabular-nums';
export const labelBesideClass = `${labelBase} top-[5.5px] text-xs leading-4 text-gray-700 dark:text-gray-300`;
export const labelInsideClass = `${labelBase} top-[7.5px] text-[11px] leading-3 font-medium`;

export const badgeBase = 'shrink-0 rounded px-1 text-[10px] leading-4 font-semibold';
export const badgeTones = {
  error: 'bg-red-600 text-white dark:bg-red-500 dark:text-white',
  'error-soft': 'border border-red-600 text-red-700 dark:border-red-400 dark:text-red-300',
  warn: 'border border-amber-600 text-amber-800 dark:border-amber-400 dark:text-amber-200',
} as const;

/** Least room (a fraction of the timeline width) beside a bar for its label to go there. */
const LABEL_ROOM = 0.1;

export function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(4)}%`;
}

export type LabelPlacement =
  | { side: 'left'; style: { right: string; maxWidth: string } }
  | { side: 'right' | 'inside'; style: { left: string; maxWidth: string } };

/**
 * Where a bar's label goes: after the bar, before it when the bar ends late, and inside it when
 * neither side has room (a bar spanning the whole view would otherwise push its label out of the
 * clipped cell).
 */
export function labelPlacement(left: number, width: number): LabelPlacement {
  const end = left + width;
  const roomLeft = left;
  const roomRight = 1 - end;
  let side: 'left' | 'right' | 'inside' = end > 0.75 ? 'left' : 'right';
  if (side === 'left' && roomLeft < LABEL_ROOM && roomRight >= LABEL_ROOM) side = 'right';
  if (side === 'right' && roomRight < LABEL_ROOM && roomLeft >= LABEL_ROOM) side = 'left';
  if ((side === 'left' ? roomLeft : roomRight) < LABEL_ROOM) side = 'inside';
  if (side === 'left') return { side, style: { right: pct(1 - left), maxWidth: pct(roomLeft) } };
  if (side === 'right') return { side, style: { left: pct(end), maxWidth: pct(roomRight) } };
  const from = Math.max(0, left);
  return { side, style: { left: pct(from), maxWidth: pct(Math.max(0, Math.min(1, end) - from)) } };
}
