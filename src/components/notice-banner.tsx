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
      {/* A real space, not only a margin: screen readers would run the title into the text. */}
      {children ? <> <span>{children}</span></> : null}
    </div>
  );
}
