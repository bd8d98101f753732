// The fields of a "Sửa / hủy bản ghi" form: one per field of the event's
// payload, in its order, starting as the event's values; and back to a payload.

import dayjs from 'dayjs';
import { vi } from '../locales/vi';

export interface CorrectionField {
  name: string;
  kind: 'number' | 'date' | 'text' | 'json';
  /** The event's value. */
  value: unknown;
  /** What the form item starts with (JSON text for lists and objects). */
  initial: unknown;
  /** The entity's own id: it names the stream, so it cannot change. */
  fixed: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The editable fields of an event's payload. */
export function correctionFields(e: { stream: string; data: Record<string, unknown> | null }): CorrectionField[] {
  const id = e.stream.slice(e.stream.indexOf('-') + 1);
  return Object.entries(e.data ?? {}).map(([name, value]) => {
    const kind: CorrectionField['kind'] =
      typeof value === 'number'
        ? 'number'
        : typeof value === 'string'
          ? ISO_DATE.test(value)
            ? 'date'
            : 'text'
          : 'json';
    return {
      name,
      kind,
      value,
      initial: kind === 'json' ? JSON.stringify(value) : value,
      fixed: name.endsWith('_id') && value === id,
    };
  });
}

export type Built =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; errors: { field: string; message: string }[] };

/** The payload the form's values say; lists and objects must be JSON. */
export function replacementOf(fields: CorrectionField[], values: Record<string, unknown>): Built {
  const out: Record<string, unknown> = {};
  const errors: { field: string; message: string }[] = [];
  for (const f of fields) {
    const v = values[f.name];
    switch (f.kind) {
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) errors.push({ field: f.name, message: vi.audit.history.correction.notNumber });
        else out[f.name] = v;
        break;
      case 'date':
        out[f.name] = dayjs.isDayjs(v) && v.isValid() ? v.format('YYYY-MM-DD') : typeof v === 'string' ? v : '';
        break;
      case 'json':
        try {
          out[f.name] = JSON.parse(typeof v === 'string' ? v : JSON.stringify(v ?? null));
        } catch {
          errors.push({ field: f.name, message: vi.audit.history.correction.badJSON });
        }
        break;
      default:
        out[f.name] = typeof v === 'string' ? v : v == null ? '' : String(v);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: out };
}
