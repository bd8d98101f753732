// The moment of a historical view, between the picker (wall-clock time in
// Vietnam), the services (RFC 3339) and the banner ("23:59 10/08/2021").

import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { formatDateTime } from './format';

dayjs.extend(customParseFormat);

/** What the picker takes and shows: dd/mm/yyyy HH:mm; seconds may be typed. */
export const ASOF_FORMATS = ['DD/MM/YYYY HH:mm', 'DD/MM/YYYY HH:mm:ss'];

/** The time a date picked without a time means: the end of that day. */
export const END_OF_DAY = '23:59:59';

/** What to send for a picked wall-clock moment, read as Vietnam time (UTC+7) like the
 * CLI: a date at 23:59:59 is that whole day ("YYYY-MM-DD", the end of the day), any other
 * moment RFC 3339 with +07:00. A moment later than now is now: nothing was recorded after. */
export function pickToAsOf(picked: Dayjs, now: Date = new Date()): string {
  const vn = `${picked.format('YYYY-MM-DDTHH:mm:ss')}+07:00`;
  if (Date.parse(vn) > now.getTime()) return now.toISOString();
  if (picked.format('HH:mm:ss') === END_OF_DAY) return picked.format('YYYY-MM-DD');
  return vn;
}

/** The picker's value for a moment (RFC 3339): its wall-clock time in Vietnam. */
export function asOfToPick(asOf: string): Dayjs | null {
  const text = formatDateTime(asOf);
  const d = dayjs(text, 'DD/MM/YYYY HH:mm:ss', true);
  return d.isValid() ? d : null;
}

/** A moment as the banner says it, Vietnam time: "23:59 10/08/2021"; the seconds only
 * when they matter ("10:00:01 10/08/2021"), not for the end of a day. */
export function asOfLabel(asOf: string): string {
  const text = formatDateTime(asOf); // "10/08/2021 23:59:59"
  const m = /^(\S+) (\d{2}:\d{2}):(\d{2})$/.exec(text);
  if (!m) return text;
  const [, date, hm, ss] = m;
  const time = ss === '00' || `${hm}:${ss}` === END_OF_DAY ? hm : `${hm}:${ss}`;
  return `${time} ${date}`;
}
