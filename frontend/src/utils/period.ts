// Periods as the services take them (Go: projections.ParsePeriod):
// "2021-H1" = 01/01–30/06, "2021-H2" = 01/07–31/12, "2021" = the year,
// "2021-03-01..2021-05-31" = a custom range, both ends inclusive.

import { vi } from '../locales/vi';
import { formatDate } from './format';

export type PeriodKind = 'H1' | 'H2' | 'year' | 'range';

export interface ParsedPeriod {
  kind: PeriodKind;
  /** The year the period ends in: its targets are that year's. */
  year: number;
  from: string;
  to: string;
}

const YEAR_RE = /^(\d{4})$/;
const HALF_RE = /^(\d{4})-H([12])$/;
const RANGE_RE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** Reads a period string; null when it is not one. */
export function parsePeriod(p: string): ParsedPeriod | null {
  let m = YEAR_RE.exec(p);
  if (m?.[1]) {
    return { kind: 'year', year: Number(m[1]), from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  }
  m = HALF_RE.exec(p);
  if (m?.[1]) {
    const y = m[1];
    return m[2] === '1'
      ? { kind: 'H1', year: Number(y), from: `${y}-01-01`, to: `${y}-06-30` }
      : { kind: 'H2', year: Number(y), from: `${y}-07-01`, to: `${y}-12-31` };
  }
  m = RANGE_RE.exec(p);
  if (m?.[1] && m[2]) {
    if (!isRealDate(m[1]) || !isRealDate(m[2]) || m[2] < m[1]) return null;
    return { kind: 'range', year: Number(m[2].slice(0, 4)), from: m[1], to: m[2] };
  }
  return null;
}

function isRealDate(iso: string): boolean {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** A custom range: ("2021-03-01", "2021-05-31") → "2021-03-01..2021-05-31". */
export function rangePeriod(from: string, to: string): string {
  return `${from}..${to}`;
}

/** The year whose targets apply to the period (the year it ends in). */
export function periodYear(p: string, fallback: number = new Date().getFullYear()): number {
  return parsePeriod(p)?.year ?? fallback;
}

/** "6 tháng đầu năm 2021", "6 tháng cuối năm 2021", "Năm 2021", "01/03/2021 – 31/05/2021". */
export function periodLabel(p: string): string {
  const parsed = parsePeriod(p);
  if (!parsed) return p;
  switch (parsed.kind) {
    case 'H1':
      return vi.period.h1(parsed.year);
    case 'H2':
      return vi.period.h2(parsed.year);
    case 'year':
      return vi.period.year(parsed.year);
    case 'range':
      return vi.period.range(formatDate(parsed.from), formatDate(parsed.to));
  }
}

/** The half-year containing a date: 2026-11-21 → "2026-H2". */
export function halfYearOf(date: Date): string {
  return `${date.getFullYear()}-H${date.getMonth() < 6 ? 1 : 2}`;
}

export interface PeriodChoiceGroup {
  year: number;
  periods: string[];
}

/** The ready-made choices, newest year first: for each year its H1, H2 and the whole year. */
export function periodChoices(currentYear: number, years = 8): PeriodChoiceGroup[] {
  const out: PeriodChoiceGroup[] = [];
  for (let y = currentYear; y > currentYear - years; y--) {
    out.push({ year: y, periods: [`${y}-H1`, `${y}-H2`, `${y}`] });
  }
  return out;
}

/** The period inside a sentence: "năm 2021" (lower case), else as periodLabel. */
export function periodPhrase(p: string): string {
  const parsed = parsePeriod(p);
  return parsed?.kind === 'year' ? vi.period.yearPhrase(parsed.year) : periodLabel(p);
}
