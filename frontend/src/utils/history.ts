// How a history reads: event types and fields in Vietnamese, state values
// formatted (16.182, dd/mm/yyyy, coded values in words). The same rules as
// the CLI's (Go: app.FieldLabel, app.ValueText).

import type { StateValue } from '../api/history';
import { vi } from '../locales/vi';
import { formatDate, formatInt, formatNumber } from './format';

/** The Vietnamese name of an event type, the type itself when unknown. */
export function eventTypeLabel(type: string): string {
  return vi.eventTypes[type] ?? type;
}

/** The word for a field of a type's payload ("Type.field" first); nested
 * fields ("targets.ttldxs_min") by their last part. */
export function fieldLabel(type: string, field: string): string {
  const f = vi.audit.history.fields;
  const last = field.includes('.') ? field.slice(field.lastIndexOf('.') + 1) : field;
  return f[`${type}.${field}`] ?? f[field] ?? f[last] ?? field;
}

/** The words for the coded values of some fields. */
const VALUE_NAMES: Record<string, Record<string, string>> = {
  mode: vi.classModes,
  program: vi.programs,
  title: vi.titles,
  titles: vi.titles,
  level: vi.researchLevels,
  kind: { ...vi.researchKinds, ...vi.deadlineKinds },
  group: vi.classGroups,
  recipient_kind: vi.recipientKinds,
  scored_by: vi.scoredBy,
  rating: vi.ratings,
};

/** A state value as a person reads it; '–' when absent. */
export function formatValue(field: string, v: StateValue | undefined): string {
  if (v === null || v === undefined) return '–';
  const last = field.includes('.') ? field.slice(field.lastIndexOf('.') + 1) : field;
  if (typeof v === 'number') return Number.isInteger(v) ? formatInt(v) : formatNumber(v, 4);
  if (typeof v === 'boolean') return v ? vi.common.yes : vi.common.no;
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    return VALUE_NAMES[last]?.[v] ?? v;
  }
  if (Array.isArray(v)) return v.map((x) => formatValue(field, x)).join(', ');
  return JSON.stringify(v);
}

/** What an entity kind (a stream's prefix) is called. */
export function entityKindLabel(kind: string): string {
  return vi.audit.history.kinds[kind] ?? kind;
}
