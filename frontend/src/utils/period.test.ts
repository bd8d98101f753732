import { describe, expect, it } from 'vitest';
import {
  halfYearOf,
  parsePeriod,
  periodChoices,
  periodLabel,
  periodPhrase,
  periodYear,
  rangePeriod,
} from './period';

describe('parsePeriod', () => {
  it('reads halves, years and ranges like the Go side', () => {
    expect(parsePeriod('2021-H1')).toEqual({ kind: 'H1', year: 2021, from: '2021-01-01', to: '2021-06-30' });
    expect(parsePeriod('2021-H2')).toEqual({ kind: 'H2', year: 2021, from: '2021-07-01', to: '2021-12-31' });
    expect(parsePeriod('2021')).toEqual({ kind: 'year', year: 2021, from: '2021-01-01', to: '2021-12-31' });
    expect(parsePeriod('2021-03-01..2021-05-31')).toEqual({
      kind: 'range',
      year: 2021,
      from: '2021-03-01',
      to: '2021-05-31',
    });
  });
  it('takes the year a range ends in', () => {
    expect(parsePeriod('2020-12-01..2021-01-31')?.year).toBe(2021);
  });
  it('refuses what the Go side refuses', () => {
    expect(parsePeriod('2021-H3')).toBeNull();
    expect(parsePeriod('2021-02-30..2021-03-01')).toBeNull();
    expect(parsePeriod('2021-05-31..2021-03-01')).toBeNull();
    expect(parsePeriod('')).toBeNull();
  });
});

describe('periodLabel', () => {
  it('says it in Vietnamese', () => {
    expect(periodLabel('2021-H1')).toBe('6 tháng đầu năm 2021');
    expect(periodLabel('2021-H2')).toBe('6 tháng cuối năm 2021');
    expect(periodLabel('2021')).toBe('Năm 2021');
    expect(periodLabel('2021-03-01..2021-05-31')).toBe('01/03/2021 – 31/05/2021');
  });
});

describe('periodPhrase', () => {
  it('writes a year in lower case inside a sentence', () => {
    expect(periodPhrase('2023')).toBe('năm 2023');
    expect(periodPhrase('2021-H1')).toBe('6 tháng đầu năm 2021');
  });
});

describe('period helpers', () => {
  it('gives the year of the targets', () => {
    expect(periodYear('2021-H2')).toBe(2021);
    expect(periodYear('nonsense', 2026)).toBe(2026);
  });
  it('builds a range', () => {
    expect(rangePeriod('2021-03-01', '2021-05-31')).toBe('2021-03-01..2021-05-31');
  });
  it('finds the half-year of a date', () => {
    expect(halfYearOf(new Date(2026, 10, 21))).toBe('2026-H2');
    expect(halfYearOf(new Date(2021, 5, 30))).toBe('2021-H1');
  });
  it('lists recent years, newest first, with H1, H2 and the year', () => {
    const c = periodChoices(2026, 3);
    expect(c.map((g) => g.year)).toEqual([2026, 2025, 2024]);
    expect(c[2]?.periods).toEqual(['2024-H1', '2024-H2', '2024']);
  });
});
