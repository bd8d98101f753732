import { describe, expect, it } from 'vitest';
import { fieldToNamePath, samePath } from './fields';

describe('fieldToNamePath', () => {
  it('maps data fields to form items', () => {
    expect(fieldToNamePath('data.students')).toEqual(['students']);
    expect(fieldToNamePath('data.end_date')).toEqual(['end_date']);
  });
  it('follows nested fields and indexes', () => {
    expect(fieldToNamePath('data.targets.cstd_co_so_max_pct')).toEqual(['targets', 'cstd_co_so_max_pct']);
    expect(fieldToNamePath('data.titles[0]')).toEqual(['titles', 0]);
    expect(fieldToNamePath('data.deputies[2]')).toEqual(['deputies', 2]);
  });
  it('puts the note fields under note', () => {
    expect(fieldToNamePath('meta.reason')).toEqual(['note', 'reason']);
    expect(fieldToNamePath('meta.source')).toEqual(['note', 'source']);
  });
  it('sends occurred_on to the form item of the business date', () => {
    expect(fieldToNamePath('occurred_on', { occurredOn: 'on' })).toEqual(['on']);
    expect(fieldToNamePath('occurred_on', { occurredOn: ['start_date'] })).toEqual(['start_date']);
    expect(fieldToNamePath('occurred_on')).toBeNull();
  });
  it('lets a form map a field elsewhere', () => {
    expect(fieldToNamePath('data.class_id', { extra: { 'data.class_id': 'class' } })).toEqual(['class']);
  });
  it('has no item for other fields', () => {
    expect(fieldToNamePath(undefined)).toBeNull();
    expect(fieldToNamePath('')).toBeNull();
    expect(fieldToNamePath('stream')).toBeNull();
    expect(fieldToNamePath('version')).toBeNull();
    expect(fieldToNamePath('data.')).toBeNull();
  });
});

describe('samePath', () => {
  it('compares name paths', () => {
    expect(samePath(['a', 0], ['a', 0])).toBe(true);
    expect(samePath(['a'], ['a', 0])).toBe(false);
  });
});
