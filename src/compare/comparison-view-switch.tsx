// "Waterfall | Graph": which picture of the union tree the comparison shows. ARIA tabs: the
// arrow keys move between them (and show the view at once), Tab goes on into the panel.

import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export type ComparisonView = 'waterfall' | 'graph';

export const COMPARISON_VIEWS: readonly { name: ComparisonView; label: string }[] = [
  { name: 'waterfall', label: 'Waterfall' },
  { name: 'graph', label: 'Graph' },
];

/** `view=` of the comparison URL → a view; anything else is the waterfall (the default). */
export function comparisonViewFromParam(value: string | null | undefined): ComparisonView {
  return value === 'graph' ? 'graph' : 'waterfall';
}

export interface ComparisonViewSwitchProps {
  view: ComparisonView;
  onChange(view: ComparisonView): void;
  /** Id prefix for the tabs and their panel. */
  idPrefix: string;
  children: ReactNode;
}

export function ComparisonViewSwitch({ view, onChange, idPrefix, children }: ComparisonViewSwitchProps) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = COMPARISON_VIEWS.findIndex((v) => v.name === view);
    let next = -1;
    if (event.key === 'ArrowRight') next = (at + 1) % COMPARISON_VIEWS.length;
    else if (event.key === 'ArrowLeft') next = (at - 1 + COMPARISON_VIEWS.length) % COMPARISON_VIEWS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = COMPARISON_VIEWS.length - 1;
    const target = COMPARISON_VIEWS[next];
    if (!target) return;
    event.preventDefault();
    onChange(target.name);
    tabs.current[next]?.focus();
  };
  return (
    <div className="space-y-2">
      <div
        role="tablist"
        aria-label="Comparison view"
        onKeyDown={onKeyDown}
        className="inline-flex rounded-md border border-slate-300 bg-slate-100 p-0.5 dark:border-slate-700 dark:bg-slate-900"
      >
        {COMPARISON_VIEWS.map((v, k) => {
          const current = v.name === view;
          return (
            <button
              key={v.name}
              ref={(el) => {
                tabs.current[k] = el;
              }}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${v.name}`}
              aria-selected={current}
              aria-controls={`${idPrefix}-panel`}
              tabIndex={current ? 0 : -1}
              onClick={() => onChange(v.name)}
              className={
                current
                  ? 'rounded px-3 py-1 text-sm font-medium text-slate-900 shadow-sm bg-white dark:bg-slate-700 dark:text-white'
                  : 'rounded px-3 py-1 text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
              }
            >
              {v.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${view}`}>
        {children}
      </div>
    </div>
  );
}
