import type { ReactNode } from 'react';

/** What a page shows when there is nothing to show yet, and how to get something. */
export function EmptyState({ title, children, className = '' }: { title: string; children?: ReactNode; className?: string }) {
  return (
    <div
      className={
        'rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 ' +
        `dark:border-slate-700 dark:text-slate-300 ${className}`
      }
    >
      <p className="text-base font-medium text-slate-800 dark:text-slate-100">{title}</p>
      {children ? <div className="mt-2">{children}</div> : null}
    </div>
  );
}
