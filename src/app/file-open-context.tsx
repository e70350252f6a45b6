// Opening trace files from anywhere (header button, drag and drop, the files page).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { getFileBackend } from '../api/backend-registry';
import { backendQueryKey } from '../api/queries';
import { FILE_BACKEND_ID } from '../api/file/file-backend';
import type { FileOpenFailure } from '../api/file/open-trace-files';
import { isLoadCancelled } from '../api/large-file-load';
import type { TraceLoadProgress } from '../api/trace-load-progress';
import { traceHref } from './use-backend-from-url';

interface FileOpenApi {
  openFiles: (files: readonly File[]) => Promise<void>;
  busy: boolean;
  /** Progress of a large file being read (in a worker), with its name. */
  progress: { fileName: string; progress: TraceLoadProgress } | null;
  /** Stops opening files (a large file's read is cancelled). */
  cancel: () => void;
  failures: readonly (FileOpenFailure & { key: number })[];
  dismissFailure: (key: number) => void;
}

const FileOpenContext = createContext<FileOpenApi | null>(null);

let failureKey = 0;

export function FileOpenProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<FileOpenApi['progress']>(null);
  const [controller, setController] = useState<AbortController | null>(null);
  const [failures, setFailures] = useState<(FileOpenFailure & { key: number })[]>([]);

  const openFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      setBusy(true);
      const abort = new AbortController();
      setController(abort);
      try {
        const { openTraceFiles } = await import('../api/file/open-trace-files');
        const result = await openTraceFiles(files, getFileBackend().store, undefined, {
          signal: abort.signal,
          onProgress: (fileName, p) => setProgress({ fileName, progress: p }),
        });
        for (const note of result.notes) console.info(`Skein: ${note}`);
        setFailures((current) => [
          // A file that failed before and is opened again replaces its old message.
          ...current.filter((f) => !files.some((file) => file.name === f.fileName)),
          ...result.failures.map((failure) => ({ ...failure, key: ++failureKey })),
        ]);
        await queryClient.invalidateQueries({ queryKey: backendQueryKey(FILE_BACKEND_ID) });
        if (result.traceIds.length === 1 && result.traceIds[0] !== undefined) {
          await navigate(traceHref(result.traceIds[0], FILE_BACKEND_ID));
        } else if (result.traceIds.length > 1) {
          await navigate('/files');
        }
      } catch (error) {
        // Cancelled by the user: nothing to report.
        if (isLoadCancelled(error)) return;
        // Loading the parser chunk can fail (e.g. the app was redeployed): say so, keep the app usable.
        setFailures((current) => [
          ...current,
          {
            key: ++failureKey,
            fileName: files.map((f) => f.name).join(', '),
            message: `The files could not be opened: ${error instanceof Error ? error.message : String(error)}. Reload the page and try again.`,
          },
        ]);
      } finally {
        setBusy(false);
        setProgress(null);
        setController(null);
      }
    },
    [navigate, queryClient],
  );

  const dismissFailure = useCallback((key: number) => setFailures((current) => current.filter((f) => f.key !== key)), []);

  const cancel = useCallback(() => controller?.abort(), [controller]);
  const api = useMemo(
    () => ({ openFiles, busy, progress, cancel, failures, dismissFailure }),
    [openFiles, busy, progress, cancel, failures, dismissFailure],
  );
  return <FileOpenContext.Provider value={api}>{children}</FileOpenContext.Provider>;
}

export function useFileOpen(): FileOpenApi {
  const api = useContext(FileOpenContext);
  if (!api) throw new Error('useFileOpen must be used inside FileOpenProvider');
  return api;
}
