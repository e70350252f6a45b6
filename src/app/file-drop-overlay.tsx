// Drag and drop trace files anywhere in the app. The listeners are on window so every page,
// including error pages inside the shell, accepts a drop.
import { useEffect, useState } from 'react';
import { useFileOpen } from './file-open-context';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function FileDropOverlay() {
  const { openFiles } = useFileOpen();
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child element crossed: count them to know when we left the window.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      setVisible(true);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setVisible(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setVisible(false);
      void openFiles([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [openFiles]);

  if (!visible) return null;
  return (
    <div
      data-testid="file-drop-overlay"
      className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-sky-900/40 p-8 backdrop-blur-sm"
    >
      <div className="rounded-xl border-4 border-dashed border-white/80 bg-white/90 px-10 py-8 text-lg font-semibold text-slate-900 shadow-xl dark:bg-slate-900/90 dark:text-slate-100">
        Drop trace files to open them
      </div>
    </div>
  );
}
