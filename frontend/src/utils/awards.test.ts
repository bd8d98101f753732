import { describe, expect, it } from 'vitest';
import type { AwardCheck } from '../api/emulation';
import { checkKeys, checkRatio, checkTarget, checkValue, passMark } from './awards';

const share = (over: Partial<AwardCheck> = {}): AwardCheck => ({
  key: 'lao_dong_tien_tien',
  name: 'Cá nhân đạt danh hiệu Lao động tiên tiến',
  value: 85.1851,
  unit: '%',
  numerator: 23,
  denominator: 27,
  target_min: 80,
  target_max: null,
  pass: true,
  ...over,
});

describe('award checks', () => {
  it('reads a share', () => {
    expect(checkValue(share())).toBe('85,2%');
    expect(checkRatio(share())).toBe('23/27');
    expect(checkTarget(share())).toBe('≥ 80%');
    expect(passMark(true)).toBe('✓');
  });
  it('reads a range and a count', () => {
    expect(checkTarget(share({ target_min: 10, target_max: 15 }))).toBe('10% – 15%');
    expect(checkTarget(share({ target_min: null, target_max: 15 }))).toBe('≤ 15%');
    const count = share({ key: 'ttldxs', value: 2, unit: 'đơn vị', target_min: 1 });
    expect(checkValue(count)).toBe('2 đơn vị');
    expect(checkTarget(count)).toBe('≥ 1 đơn vị');
  });
  it('has a dash without a value or verdict', () => {
    expect(checkValue(share({ value: null }))).toBe('–');
    expect(checkTarget(share({ target_min: null }))).toBe('');
    expect(passMark(null)).toBe('–');
    expect(passMark(false)).toBe('✗');
  });
  it('lists the check keys in order, once', () => {
    const s = (keys: string[]) => ({
      school_id: 'x',
      name: 'x',
      staff: 0,
      units: 0,
      party_orgs: 0,
      passed: 0,
      failed: 0,
      checks: keys.map((key) => share({ key, name: key })),
    });
    expect(checkKeys([s(['a', 'b']), s(['b', 'c'])]).map((k) => k.key)).toEqual(['a', 'b', 'c']);
  });
});
