// Where a refusal belongs in a form. The services name the input a refusal
// concerns: "data.students", "data.targets.cstd_co_so_max_pct", "data.titles[0]",
// "occurred_on" (the business date of the event), "meta.reason", "meta.source".
// Forms name their items after the Go JSON fields, keep the Note under
// ["note", "reason"] and ["note", "source"], and say which item holds the
// business date.

export type NamePath = (string | number)[];

export interface FieldMapping {
  /** The form item holding the event's business date (occurred_on), if any. */
  occurredOn?: NamePath | string | undefined;
  /** Explicit mappings that win over the rules, e.g. { "data.class_id": "class" }. */
  extra?: Record<string, NamePath | string> | undefined;
}

/** The form name path for a service's field, or null when it has none. */
export function fieldToNamePath(field: string | undefined, mapping: FieldMapping = {}): NamePath | null {
  if (!field) return null;
  const explicit = mapping.extra?.[field];
  if (explicit !== undefined) return toPath(explicit);
  if (field === 'occurred_on') return mapping.occurredOn !== undefined ? toPath(mapping.occurredOn) : null;
  if (field === 'meta.reason') return ['note', 'reason'];
  if (field === 'meta.source') return ['note', 'source'];
  if (!field.startsWith('data.')) return null;
  const path: NamePath = [];
  for (const part of field.slice('data.'.length).split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m?.[1]) return null;
    path.push(m[1]);
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) path.push(Number(idx[1]));
  }
  return path.length > 0 ? path : null;
}

function toPath(p: NamePath | string): NamePath {
  return typeof p === 'string' ? [p] : p;
}

/** True when two name paths are the same. */
export function samePath(a: NamePath, b: NamePath): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
