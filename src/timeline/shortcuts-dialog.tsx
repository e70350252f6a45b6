// The `?` dialog listing the waterfall's keyboard shortcuts. A native <dialog> gives focus
// trapping and Escape handling for free.

import { useEffect, useRef } from 'react';
import { Button } from '../components/button';

export const TIMELINE_SHORTCUTS: readonly [keys: string, action: string][] = [
  ['↑ / ↓', 'Previous / next row'],
  ['→', 'Expand the row, or move to its first child'],
  ['←', 'Collapse the row, or move to its parent'],
  ['Home / End', 'First / last row'],
  ['Page Up / Page Down', 'One screen up / down'],
  ['Enter / Space', 'Open the span details (on a group: fold or unfold it)'],
  ['Escape', 'Close the span details'],
  ['/', 'Find in trace'],
  ['Enter / Shift+Enter (in find)', 'Next / previous match'],
  ['n / Shift+N', 'Next / previous match'],
  ['e / Shift+E', 'Next / previous error'],
  ['+ / -', 'Expand / collapse one level'],
  ['0', 'Reset zoom'],
  ['?', 'Show this list'],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal?.();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label="Keyboard shortcuts"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      className="m-auto rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="p-4">
        <h2 className="mb-3 text-base font-semibold">Keyboard shortcuts</h2>
        <table className="text-sm">
          <tbody>
            {TIMELINE_SHORTCUTS.map(([keys, action]) => (
              <tr key={keys}>
                <th scope="row" className="py-0.5 pr-4 text-left font-mono font-normal whitespace-nowrap text-slate-700 dark:text-slate-300">
                  {keys}
                </th>
                <td className="py-0.5">{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-4 text-right">
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    </dialog>
  );
}
