import type { ReactNode } from 'react';

/** A non-blocking notice (role="status"), e.g. "this trace is incomplete". */
export function NoticeBanner({ title, children, className = '' }: { title: string; children?: ReactNode; className?: string }) {
  return (
    <div
      role="status"
      className={
        'rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 ' +
        `dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100 ${className}`
      }
    >
      <span className="font-semibold">{title}</span>
      {children ? <span className="ml-1">{children}</span> : null}
    </div>
  );
}
