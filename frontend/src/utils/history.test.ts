import { describe, expect, it } from 'vitest';
import { eventTypeLabel, fieldLabel, formatValue } from './history';

describe('history words', () => {
  it('names event types and fields, a type-specific word first', () => {
    expect(eventTypeLabel('ClassEnrollmentChanged')).toBe('Thay đổi sĩ số lớp');
    expect(eventTypeLabel('SomethingNew')).toBe('SomethingNew');
    expect(fieldLabel('ClassEnrollmentChanged', 'students')).toBe('sĩ số');
    expect(fieldLabel('ResearchTopicRegistered', 'lead')).toBe('chủ nhiệm');
    expect(fieldLabel('ClusterRolesAssigned', 'lead')).toBe('Cụm trưởng');
    expect(fieldLabel('EmulationTargetsSet', 'targets.ttldxs_min')).toBe('số Tập thể LĐXS tối thiểu');
    expect(fieldLabel('X', 'unknown_field')).toBe('unknown_field');
  });

  it('formats values the Vietnamese way', () => {
    expect(formatValue('students', 16182)).toBe('16.182');
    expect(formatValue('points', 12.5)).toBe('12,5');
    expect(formatValue('start_date', '2021-03-01')).toBe('01/03/2021');
    expect(formatValue('mode', 'truc_tuyen')).toBe('Trực tuyến');
    expect(formatValue('titles', ['lao_dong_tien_tien', 'giay_khen'])).toBe('Lao động tiên tiến, Giấy khen');
    expect(formatValue('title', 'Phát triển sinh kế')).toBe('Phát triển sinh kế');
    expect(formatValue('students', null)).toBe('–');
    expect(formatValue('students', undefined)).toBe('–');
  });
});
