// "Skip to main content": the first thing Tab reaches, so keyboard users need not pass the header's
// controls on every page. Hidden until it has focus.
import type { MouseEvent } from 'react';
import { useLocation } from 'react-router';

/** The id of the app's <main>, which takes focus from the skip link (it has tabIndex -1). */
export const MAIN_CONTENT_ID = 'main-content';

const skipLinkClass =
  'sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white ' +
  'focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-sky-800 focus:shadow-lg ' +
  'dark:focus:bg-slate-900 dark:focus:text-sky-200';

export function SkipLink() {
  // Re-rendered on every navigation (useLocation), so the href is always this page's address.
  useLocation();
  // A bare "#main-content" would resolve against <base href> (the app's root, under any prefix):
  // opened in a new tab, it would lead to another page. The address of this page does not.
  const href = `${window.location.pathname}${window.location.search}#${MAIN_CONTENT_ID}`;
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Focus moves into the page without a navigation: the address (and its history entry) stays
    // as it is, with no "#main-content" that a view might read as its own fragment.
    event.preventDefault();
    document.getElementById(MAIN_CONTENT_ID)?.focus();
  };
  return (
    <a href={href} onClick={onClick} className={skipLinkClass}>
      Skip to main content
    </a>
  );
}
