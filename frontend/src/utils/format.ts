// Vietnamese display formats: 16.182 (dot groups thousands), 0,5 (comma for
// decimals), dates dd/mm/yyyy, date-times dd/mm/yyyy HH:mm:ss in Asia/Ho_Chi_Minh.
//
// Implemented by hand rather than with Intl so the output is identical in the
// Windows WebView2, WebKitGTK, headless chromium and node (tests), whatever ICU
// data each one ships.

/** Formats a number the Vietnamese way. `fractionDigits` caps the decimals (default 2);
 * trailing zeros are dropped unless `fixed` is set. */
export function formatNumber(
  value: number | null | undefined,
  fractionDigits = 2,
  fixed = false,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const negative = value < 0;
  let text = Math.abs(value).toFixed(fractionDigits);
  let [intPart = '0', fracPart = ''] = text.split('.');
  if (!fixed) fracPart = fracPart.replace(/0+$/, '');
  intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  text = fracPart ? `${intPart},${fracPart}` : intPart;
  if (negative && /[1-9]/.test(text)) text = `-${text}`;
  return text;
}

/** An integer count, e.g. 16182 → "16.182". */
export function formatInt(value: number | null | undefined): string {
  return formatNumber(value, 0);
}

/** A ratio 0..1 as a percentage: 0.8 → "80%", 0.1234 → "12,3%". */
export function formatPercent(ratio: number | null | undefined, fractionDigits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–';
  return `${formatNumber(ratio * 100, fractionDigits)}%`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Vietnam has been UTC+7 without daylight saving since 1975. */
const HO_CHI_MINH_OFFSET_MS = 7 * 60 * 60 * 1000;

/** A business date. Accepts "2021-01-01", an RFC 3339 time (its calendar date in
 * Ho Chi Minh City) or a Date. → "01/01/2021". */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const parts = vnParts(value);
  if (!parts) return String(value);
  return `${pad2(parts.day)}/${pad2(parts.month)}/${parts.year}`;
}

/** A moment (RFC 3339, usually UTC) shown in Ho Chi Minh City time:
 * "2024-03-05T01:02:03Z" → "05/03/2024 08:02:03". */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const parts = vnParts(value);
  if (!parts) return String(value);
  return (
    `${pad2(parts.day)}/${pad2(parts.month)}/${parts.year} ` +
    `${pad2(parts.hour)}:${pad2(parts.minute)}:${pad2(parts.second)}`
  );
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Date.parse, after cutting Go's nanosecond fractions (RFC3339Nano) to
 * milliseconds: not every JavaScript engine accepts more than 3 digits. */
function parseMoment(text: string): number {
  const trimmed = text.trim().replace(/(\.\d{3})\d+/, '$1');
  return Date.parse(trimmed);
}

function vnParts(value: string | Date): Parts | null {
  const ms = value instanceof Date ? value.getTime() : parseMoment(value);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms + HO_CHI_MINH_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The first 12 hex characters of a hash. */
export function shortHash(hash: string | null | undefined, length = 12): string {
  if (!hash) return '–';
  return hash.slice(0, length);
}
