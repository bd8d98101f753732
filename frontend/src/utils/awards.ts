// How a figure of the award report reads: "85,2%", "2 đơn vị", and its target
// "≥ 80%", "10% – 15%", "≥ 1 đơn vị".

import type { AwardCheck, SchoolAwards } from '../api/emulation';
import { vi } from '../locales/vi';
import { formatInt, formatNumber } from './format';

function withUnit(v: number, unit: string): string {
  if (unit === '%') return `${formatNumber(v, 1)}%`;
  return unit ? `${formatNumber(v, 1)} ${unit}` : formatNumber(v, 1);
}

/** The value of a check: "85,2%", "2 đơn vị", "–" when it has none. */
export function checkValue(c: AwardCheck): string {
  return c.value === null || c.value === undefined ? '–' : withUnit(c.value, c.unit);
}

/** What the value was computed from: "23/27". */
export function checkRatio(c: AwardCheck): string {
  return vi.awards.valueOf(formatInt(c.numerator), formatInt(c.denominator));
}

/** The target of a check: "≥ 80%", "≤ 15%", "10% – 15%", "" when none. */
export function checkTarget(c: AwardCheck): string {
  const min = c.target_min;
  const max = c.target_max;
  if (min !== null && min !== undefined && max !== null && max !== undefined) {
    return vi.awards.targetRange(withUnit(min, c.unit), withUnit(max, c.unit));
  }
  if (min !== null && min !== undefined) return vi.awards.targetMin(withUnit(min, c.unit));
  if (max !== null && max !== undefined) return vi.awards.targetMax(withUnit(max, c.unit));
  return '';
}

/** ✓, ✗ or – for a check. */
export function passMark(pass: boolean | null | undefined): string {
  if (pass === true) return vi.common.pass;
  if (pass === false) return vi.common.fail;
  return '–';
}

/** The check keys of a report, in the order the first school gives them. */
export function checkKeys(schools: readonly SchoolAwards[]): { key: string; name: string }[] {
  const out: { key: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const s of schools) {
    for (const c of s.checks ?? []) {
      if (!seen.has(c.key)) {
        seen.add(c.key);
        out.push({ key: c.key, name: c.name });
      }
    }
  }
  return out;
}
