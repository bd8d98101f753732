import { describe, expect, it } from 'vitest';
import { FILTERS_STORAGE_KEY, createFiltersStore, loadFilters } from './filters';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

const NOW = new Date(2026, 10, 21);

describe('loadFilters', () => {
  it('defaults to the current half-year and the whole cluster', () => {
    expect(loadFilters(memoryStorage(), NOW)).toEqual({ period: '2026-H2', school: '' });
    expect(loadFilters(undefined, NOW)).toEqual({ period: '2026-H2', school: '' });
  });
  it('reads what was saved', () => {
    const s = memoryStorage({ [FILTERS_STORAGE_KEY]: '{"period":"2021-H1","school":"sonla"}' });
    expect(loadFilters(s, NOW)).toEqual({ period: '2021-H1', school: 'sonla' });
  });
  it('ignores a broken or invalid saved value', () => {
    expect(loadFilters(memoryStorage({ [FILTERS_STORAGE_KEY]: '{' }), NOW).period).toBe('2026-H2');
    const bad = memoryStorage({ [FILTERS_STORAGE_KEY]: '{"period":"2021-H9","school":3}' });
    expect(loadFilters(bad, NOW)).toEqual({ period: '2026-H2', school: '' });
  });
});

describe('filters store', () => {
  it('changes and saves the period and the school', () => {
    const s = memoryStorage();
    const store = createFiltersStore(s, NOW);
    store.getState().setPeriod('2021-H1');
    store.getState().setSchool('laichau');
    expect(store.getState()).toMatchObject({ period: '2021-H1', school: 'laichau' });
    expect(JSON.parse(s.data.get(FILTERS_STORAGE_KEY) ?? '{}')).toEqual({ period: '2021-H1', school: 'laichau' });
  });
  it('refuses a period the services would refuse', () => {
    const store = createFiltersStore(memoryStorage(), NOW);
    store.getState().setPeriod('2021-05-31..2021-03-01');
    expect(store.getState().period).toBe('2026-H2');
    store.getState().setPeriod('2021-03-01..2021-05-31');
    expect(store.getState().period).toBe('2021-03-01..2021-05-31');
  });
  it('counts the recorded changes', () => {
    const store = createFiltersStore(memoryStorage(), NOW);
    store.getState().changed();
    store.getState().changed();
    expect(store.getState().revision).toBe(2);
  });
});
