// "Search these calls" from the dependency page. Only some searches can say "traces where parent
// calls child" (TraceQL's structural `>` on Tempo); Jaeger and the demo can only search one
// service. The label says which one the link does, so it never promises the call it cannot find.

export interface EdgeSearch {
  /** A /search URL. */
  href: string;
  /** What the search finds, e.g. "Search traces where web calls api" or "Search traces of api". */
  label: string;
}

/** `exact` searches find the parent→child call itself; otherwise only the child service's traces. */
export function edgeSearchLabel(parent: string, child: string, exact: boolean): string {
  return exact ? `Search traces where ${parent} calls ${child}` : `Search traces of ${child}`;
}
