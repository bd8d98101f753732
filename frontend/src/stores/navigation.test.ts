import { describe, expect, it } from 'vitest';
import { AREAS, useNavigationStore } from './navigation';

describe('navigation store', () => {
  it('puts "Tổ chức" just before "Sổ cái"', () => {
    const keys = AREAS.map((a) => a.key);
    expect(keys.indexOf('organisation')).toBe(keys.indexOf('ledger') - 1);
  });
  it('opens a ready area and refuses one not built yet', () => {
    useNavigationStore.getState().go('organisation');
    expect(useNavigationStore.getState().area).toBe('organisation');
    useNavigationStore.getState().go('inspections');
    expect(useNavigationStore.getState().area).toBe('organisation');
  });
});
