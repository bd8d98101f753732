import { describe, expect, it } from 'vitest';
import { presetFromCheck, presetFromFigure, suggestInspectionId } from './inspectionUtils';

describe('suggestInspectionId', () => {
  it('joins party and period in the characters of an id', () => {
    expect(suggestInspectionId('mnbgpb', '2021-H1')).toBe('kt-mnbgpb-2021-H1');
    expect(suggestInspectionId('sonla', '2021-03-01..2021-05-31')).toBe('kt-sonla-2021-03-01..2021-05-31');
    expect(suggestInspectionId('Sơn La', '2021')).toBe('kt-Son-La-2021');
  });
});

describe('finding presets', () => {
  it('take the numbers of the row and its status when it is khớp or chênh lệch', () => {
    const p = presetFromFigure({
      key: 'classplans.new.classes',
      label: 'Mở mới (lớp)',
      unit: 'lớp',
      reported: 69,
      computed: 36,
      difference: 33,
      status: 'chenh_lech',
      status_name: 'Chênh lệch',
    });
    expect(p).toEqual({ subject: 'classplans.new.classes', label: 'Mở mới (lớp)', reported: 69, verified: 36, status: 'chenh_lech' });
    const k = presetFromCheck({
      key: 'classplans.school.*.executed.classes',
      label: 'Thực hiện (lớp) – cộng theo trường',
      unit: 'lớp',
      total_key: 'classplans.executed.classes',
      total: 260,
      parts: ['classplans.school.quangninh.executed.classes'],
      sum: 107,
      difference: -153,
      complete: false,
      status: 'thieu',
      status_name: 'Chưa đủ chi tiết',
    });
    expect(k.reported).toBe(260);
    expect(k.verified).toBe(107);
    expect(k.status).toBeUndefined();
  });
});
