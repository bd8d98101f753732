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
    expect(loadFilters(memoryStorage(), NOW)).toEqual({ period: '2026-H2', school: '', chosen: false });
    expect(loadFilters(undefined, NOW)).toEqual({ period: '2026-H2', school: '', chosen: false });
  });
  it('reads what was saved', () => {
    const s = memoryStorage({ [FILTERS_STORAGE_KEY]: '{"period":"2021-H1","school":"sonla"}' });
    expect(loadFilters(s, NOW)).toEqual({ period: '2021-H1', school: 'sonla', chosen: true });
  });
  it('ignores a broken or invalid saved value', () => {
    expect(loadFilters(memoryStorage({ [FILTERS_STORAGE_KEY]: '{' }), NOW).period).toBe('2026-H2');
    const bad = memoryStorage({ [FILTERS_STORAGE_KEY]: '{"period":"2021-H9","school":3}' });
    expect(loadFilters(bad, NOW)).toEqual({ period: '2026-H2', school: '', chosen: false });
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

describe('suggestFrom', () => {
  it('opens on the half-year of the latest fact when no period was chosen', () => {
    const store = createFiltersStore(memoryStorage(), NOW);
    store.getState().suggestFrom('2023-12-22');
    expect(store.getState().period).toBe('2023-H2');
    store.getState().suggestFrom('not a date');
    expect(store.getState().period).toBe('2023-H2');
  });
  it('never overrides a chosen period, saved or picked now', () => {
    const saved = createFiltersStore(memoryStorage({ [FILTERS_STORAGE_KEY]: '{"period":"2021-H1","school":""}' }), NOW);
    saved.getState().suggestFrom('2023-12-22');
    expect(saved.getState().period).toBe('2021-H1');
    const picked = createFiltersStore(memoryStorage(), NOW);
    picked.getState().setPeriod('2026-H2');
    picked.getState().suggestFrom('2023-12-22');
    expect(picked.getState().period).toBe('2026-H2');
  });
});
