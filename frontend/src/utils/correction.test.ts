import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { correctionFields, replacementOf } from './correction';

const opened = {
  stream: 'class-sl-01',
  data: { class_id: 'sl-01', school_id: 'sonla', students: 45, start_date: '2021-03-01', mode: 'tap_trung', titles: ['a'] },
};

describe('correction form', () => {
  it('has a field per payload field, the entity id fixed', () => {
    const f = correctionFields(opened);
    expect(f.map((x) => [x.name, x.kind, x.fixed])).toEqual([
      ['class_id', 'text', true],
      ['school_id', 'text', false],
      ['students', 'number', false],
      ['start_date', 'date', false],
      ['mode', 'text', false],
      ['titles', 'json', false],
    ]);
    expect(f[5]?.initial).toBe('["a"]');
  });

  it('builds the replacement payload from the values', () => {
    const fields = correctionFields(opened);
    const built = replacementOf(fields, {
      class_id: 'sl-01',
      school_id: 'sonla',
      students: 43,
      start_date: dayjs('2021-03-02'),
      mode: 'truc_tuyen',
      titles: '["a","b"]',
    });
    expect(built).toEqual({
      ok: true,
      value: { class_id: 'sl-01', school_id: 'sonla', students: 43, start_date: '2021-03-02', mode: 'truc_tuyen', titles: ['a', 'b'] },
    });
  });

  it('refuses a missing number and bad JSON at their fields', () => {
    const built = replacementOf(correctionFields(opened), { students: null, titles: '[a' });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.errors.map((e) => e.field)).toEqual(['students', 'titles']);
  });
});
