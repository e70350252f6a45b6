import { useRef } from 'react';
import { Button, type ButtonVariant } from '../components/button';
import { Spinner } from '../components/spinner';
import { useFileOpen } from './file-open-context';

/** "Open file": a button in front of a hidden multi-file <input type=file>. */
export function OpenFileButton({ variant = 'secondary', label = 'Open file' }: { variant?: ButtonVariant; label?: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const { openFiles, busy } = useFileOpen();
  return (
    <>
      <Button variant={variant} onClick={() => inputRef.current?.click()} disabled={busy}>
        {busy ? <Spinner /> : null}
        {label}
      </Button>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept=".json,.ndjson,.jsonl,.txt,application/json"
        className="hidden"
        aria-hidden="true"
        tabIndex={-1}
        data-testid="open-file-input"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Reset so that picking the same file again fires another change.
          event.currentTarget.value = '';
          void openFiles(files);
        }}
      />
    </>
  );
}
