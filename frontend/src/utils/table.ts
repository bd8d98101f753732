// Helpers for antd tables.

/** Column filter choices: the distinct values of a column, sorted the Vietnamese way. */
export function distinctFilters<T>(rows: readonly T[], get: (r: T) => string): { text: string; value: string }[] {
  const seen = new Set<string>();
  for (const r of rows) {
    const v = get(r);
    if (v) seen.add(v);
  }
  return [...seen].sort((a, b) => a.localeCompare(b, 'vi')).map((v) => ({ text: v, value: v }));
}
