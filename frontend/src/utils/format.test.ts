import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatInt,
  formatNumber,
  formatPercent,
  shortHash,
} from './format';

describe('formatNumber', () => {
  it('groups thousands with a dot', () => {
    expect(formatInt(16182)).toBe('16.182');
    expect(formatInt(20399)).toBe('20.399');
    expect(formatInt(1234567)).toBe('1.234.567');
    expect(formatInt(999)).toBe('999');
    expect(formatInt(1000)).toBe('1.000');
    expect(formatInt(0)).toBe('0');
  });
  it('uses a comma for decimals and drops trailing zeros', () => {
    expect(formatNumber(0.5)).toBe('0,5');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(2.25)).toBe('2,25');
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(2.5, 2, true)).toBe('2,50');
  });
  it('handles negatives and missing values', () => {
    expect(formatNumber(-16182.75)).toBe('-16.182,75');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
  });
  it('formats percentages', () => {
    expect(formatPercent(0.8)).toBe('80%');
    expect(formatPercent(260 / 323)).toBe('80,5%');
  });
});

describe('formatDate', () => {
  it('formats business dates as dd/mm/yyyy', () => {
    expect(formatDate('2021-08-12')).toBe('12/08/2021');
    expect(formatDate('2021-01-01')).toBe('01/01/2021');
  });
  it('takes the calendar date in Ho Chi Minh City for moments', () => {
    // 18:30 UTC on 31/12 is already 01:30 on 01/01 in Vietnam (UTC+7)
    expect(formatDate('2021-12-31T18:30:00Z')).toBe('01/01/2022');
  });
  it('shows a dash for empty values', () => {
    expect(formatDate('')).toBe('–');
    expect(formatDate(undefined)).toBe('–');
  });
});

describe('formatDateTime', () => {
  it('shows RFC 3339 UTC moments in Asia/Ho_Chi_Minh', () => {
    expect(formatDateTime('2024-03-05T01:02:03Z')).toBe('05/03/2024 08:02:03');
    expect(formatDateTime('2021-12-31T17:00:00Z')).toBe('01/01/2022 00:00:00');
  });
  it('accepts Go nanosecond precision and explicit offsets', () => {
    expect(formatDateTime('2024-03-05T01:02:03.123456789Z')).toBe('05/03/2024 08:02:03');
    expect(formatDateTime('2024-03-05T08:02:03+07:00')).toBe('05/03/2024 08:02:03');
  });
  it('accepts Date objects', () => {
    expect(formatDateTime(new Date(Date.UTC(2021, 7, 12, 2, 0, 0)))).toBe('12/08/2021 09:00:00');
  });
  it('returns unparseable text unchanged', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('shortHash', () => {
  it('keeps the first 12 hex characters', () => {
    expect(shortHash('0123456789abcdef0123456789abcdef')).toBe('0123456789ab');
    expect(shortHash('')).toBe('–');
  });
});
