import type { ReactNode } from 'react';
import { noticeBannerClass } from './status-classes';

/** A non-blocking notice (role="status"), e.g. "this trace is incomplete". */
export function NoticeBanner({ title, children, className = '' }: { title: string; children?: ReactNode; className?: string }) {
  return (
    <div
      role="status"
      className={`${noticeBannerClass} ${className}`}
    >
      <span className="font-semibold">{title}</span>
      {children ? <span className="ml-1">{children}</span> : null}
    </div>
  );
}
