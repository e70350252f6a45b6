// Shared class names for the search form controls, so every field looks and focuses the same.
export const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 placeholder:text-slate-400 ' +
  'focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-500/40 ' +
  'aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ' +
  'dark:placeholder:text-slate-500 dark:aria-[invalid=true]:border-red-400';

export const labelClass = 'block text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';

export const hintClass = 'mt-1 text-xs text-slate-500 dark:text-slate-400';

export const errorTextClass = 'mt-1 text-xs text-red-700 dark:text-red-300';

export const listboxClass =
  'absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg ' +
  'dark:border-slate-700 dark:bg-slate-900';

export function optionClass(active: boolean): string {
  return (
    'flex cursor-pointer items-baseline justify-between gap-2 px-2 py-1 ' +
    (active ? 'bg-sky-100 text-sky-950 dark:bg-sky-900 dark:text-sky-50' : 'text-slate-800 dark:text-slate-200')
  );
}
