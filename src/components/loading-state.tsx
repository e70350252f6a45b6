import { Spinner } from './spinner';

/** "Loading …" with a spinner, announced politely to screen readers. */
export function LoadingState({ label, className = '' }: { label: string; className?: string }) {
  return (
    <div role="status" aria-live="polite" className={`flex items-center gap-2 p-6 text-sm text-slate-600 dark:text-slate-300 ${className}`}>
      <Spinner />
      <span>{label}</span>
    </div>
  );
}
