import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { asOfLabel, asOfToPick, pickToAsOf } from './asof';

const NOW = new Date('2026-03-05T03:00:00Z'); // 10:00 in Vietnam

describe('pickToAsOf', () => {
  it('reads the picked wall clock as Vietnam time', () => {
    const d = dayjs('2021-08-10 09:30:05', 'YYYY-MM-DD HH:mm:ss');
    expect(pickToAsOf(d, NOW)).toBe('2021-08-10T09:30:05+07:00');
  });
  it('sends a date picked without a time as that day, the end of it like the CLI', () => {
    const d = dayjs('2021-08-10 23:59:59', 'YYYY-MM-DD HH:mm:ss');
    expect(pickToAsOf(d, NOW)).toBe('2021-08-10');
    expect(pickToAsOf(dayjs('2021-08-10 23:59:00', 'YYYY-MM-DD HH:mm:ss'), NOW)).toBe('2021-08-10T23:59:00+07:00');
  });
  it('makes a moment later than now now', () => {
    const today = dayjs('2026-03-05 23:59:59', 'YYYY-MM-DD HH:mm:ss');
    expect(pickToAsOf(today, NOW)).toBe('2026-03-05T03:00:00.000Z');
    expect(pickToAsOf(dayjs('2026-03-05 09:59:59', 'YYYY-MM-DD HH:mm:ss'), NOW)).toBe('2026-03-05T09:59:59+07:00');
  });
});

describe('asOfToPick', () => {
  it('shows a moment in Vietnam wall-clock time', () => {
    expect(asOfToPick('2021-08-10T16:59:59.999999999Z')?.format('DD/MM/YYYY HH:mm:ss')).toBe('10/08/2021 23:59:59');
    expect(asOfToPick('2021-08-10T02:30:00Z')?.format('DD/MM/YYYY HH:mm:ss')).toBe('10/08/2021 09:30:00');
    expect(asOfToPick('không phải ngày')).toBeNull();
  });
  it('round-trips with pickToAsOf', () => {
    const d = asOfToPick('2021-08-10T02:30:07Z');
    expect(d && pickToAsOf(d, NOW)).toBe('2021-08-10T09:30:07+07:00');
  });
});

describe('asOfLabel', () => {
  it('says the moment in Vietnam time, hours first', () => {
    expect(asOfLabel('2021-08-10T16:59:59.999999999Z')).toBe('23:59 10/08/2021');
    expect(asOfLabel('2021-08-10T02:30:00Z')).toBe('09:30 10/08/2021');
    expect(asOfLabel('2021-08-10T02:30:07.5Z')).toBe('09:30:07 10/08/2021');
    expect(asOfLabel('2021-12-31T17:00:00Z')).toBe('00:00 01/01/2022');
  });
});
