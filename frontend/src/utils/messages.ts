// Refusals come from the services in Vietnamese, but some name a field by its
// JSON name or give a date as YYYY-MM-DD ("không được trước start_date
// (2021-03-01 < 2021-04-01)"). Shown to a user they read better with the
// field's Vietnamese name and dates as dd/mm/yyyy.

import { vi } from '../locales/vi';

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const IDENT = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;

export function humanizeMessage(msg: string, fieldNames: Record<string, string> = vi.fieldNames): string {
  return msg.replace(ISO_DATE, '$3/$2/$1').replace(IDENT, (m) => fieldNames[m] ?? m);
}
