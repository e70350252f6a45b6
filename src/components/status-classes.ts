// The look of a notice and of a load's progress bar, without React: NoticeBanner and LoadProgress
// use these, and so do the rows drawn before the app has loaded (src/app/boot-trace-preview.ts),
// so that both look the same. (Written out in full: Tailwind finds classes in the source text.)

export const noticeBannerClass =
  'rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100';

export const loadProgressClasses = {
  box: 'space-y-2 p-6 text-sm text-slate-700 dark:text-slate-200',
  track: 'h-2 w-full max-w-xl overflow-hidden rounded bg-slate-200 dark:bg-slate-700',
  fill: 'h-full bg-sky-600 dark:bg-sky-500',
  /** The fill while the total is unknown. */
  fillUnknown: 'w-1/3 animate-pulse',
  value: 'tabular-nums text-slate-600 dark:text-slate-300',
} as const;
