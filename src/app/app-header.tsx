import { Link, NavLink } from 'react-router';
import { BackendPicker } from './backend-picker';
import { OpenFileButton } from './open-file-button';
import { ThemeToggle, TimeZoneToggle } from './preference-toggles';
import { TraceIdForm } from './trace-id-form';
import { backendSearch, useBackendFromUrl } from './use-backend-from-url';

const navClass = ({ isActive }: { isActive: boolean }) =>
  'rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors ' +
  (isActive
    ? 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-white'
    : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800');

export function AppHeader() {
  const { backendId } = useBackendFromUrl();
  // Keep the chosen backend when moving between pages, except to the files list (always 'file').
  const search = backendSearch(backendId);
  return (
    <header className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <Link
          to={{ pathname: '/search', search }}
          className="flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900 dark:text-white"
        >
          <img src="favicon.svg" alt="" className="size-6" />
          Skein
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-1">
            <li>
              <NavLink to={{ pathname: '/search', search }} className={navClass}>
                Search
              </NavLink>
            </li>
            <li>
              <NavLink to={{ pathname: '/compare', search }} className={navClass}>
                Compare
              </NavLink>
            </li>
            <li>
              <NavLink to={{ pathname: '/dependencies', search }} className={navClass}>
                Dependencies
              </NavLink>
            </li>
            <li>
              <NavLink to="/files" className={navClass}>
                Files
              </NavLink>
            </li>
          </ul>
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <TraceIdForm />
          <OpenFileButton />
          <BackendPicker />
          <TimeZoneToggle />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
