import { describe, expect, it } from 'vitest';
import { AREAS, useNavigationStore, type AreaKey } from './navigation';

describe('navigation store', () => {
  it('puts "Tổ chức" just before "Sổ cái"', () => {
    const keys = AREAS.map((a) => a.key);
    expect(keys.indexOf('organisation')).toBe(keys.indexOf('ledger') - 1);
  });
  it('opens every area of the menu and refuses a name it does not know', () => {
    for (const a of AREAS) {
      useNavigationStore.getState().go(a.key);
      expect(useNavigationStore.getState().area).toBe(a.key);
    }
    useNavigationStore.getState().go('organisation');
    useNavigationStore.getState().go('nowhere' as AreaKey);
    expect(useNavigationStore.getState().area).toBe('organisation');
  });
});
