import { useId, useSyncExternalStore } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { getFileBackend, listBackends } from '../api/backend-registry';
import { FILE_BACKEND_ID } from '../api/file/file-backend';
import { useBackendFromUrl } from './use-backend-from-url';

const selectClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

/**
 * Picks the backend for the current page by rewriting its `backend=` parameter. A trace page
 * switches to the same trace ID on the other backend; other parameters are kept.
 */
export function BackendPicker() {
  const { backendId } = useBackendFromUrl();
  const location = useLocation();
  const navigate = useNavigate();
  const id = useId();
  const fileStore = getFileBackend().store;
  const haveFiles = useSyncExternalStore(
    (listener) => fileStore.subscribe(listener),
    () => fileStore.list().length > 0,
  );
  // 'Opened files' is a choice only once files are open (or when the URL already names it).
  const backends = listBackends().filter((b) => b.id !== FILE_BACKEND_ID || haveFiles || backendId === FILE_BACKEND_ID);
  if (backends.length <= 1) return null;
  const known = backends.some((b) => b.id === backendId);

  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-sm text-slate-600 dark:text-slate-300">
        Backend
      </label>
      <select
        id={id}
        className={selectClass}
        value={backendId}
        onChange={(event) => {
          const params = new URLSearchParams(location.search);
          params.set('backend', event.target.value);
          // A selected span belongs to the old backend's copy of the trace.
          params.delete('span');
          void navigate({ pathname: location.pathname, search: `?${params.toString()}` });
        }}
      >
        {known ? null : <option value={backendId}>Unknown: {backendId}</option>}
        {backends.map((backend) => (
          <option key={backend.id} value={backend.id}>
            {backend.name}
          </option>
        ))}
      </select>
    </div>
  );
}
