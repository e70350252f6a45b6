// A table's sort as one URL parameter: the column's name, with "-" in front for descending
// (`sort=-p95`, `spans.sort=start`). Each table has its own column names and default; this is only
// the spelling they share.

export interface SortParam<K extends string> {
  key: K;
  descending: boolean;
}

/** `key` or `-key` for one of `keys`; anything else (none, empty, unknown, "--key") → null. */
export function parseSortParam<K extends string>(text: string | null, keys: readonly K[]): SortParam<K> | null {
  if (text === null) return null;
  const descending = text.startsWith('-');
  const name = descending ? text.slice(1) : text;
  const key = keys.find((k) => k === name);
  return key === undefined ? null : { key, descending };
}

export function formatSortParam(key: string, descending: boolean): string {
  return `${descending ? '-' : ''}${key}`;
}
