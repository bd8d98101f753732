// Which area of the app is shown. Only the ledger exists for now; the other
// areas are listed in the menu but disabled.

import { create } from 'zustand';

export type AreaKey =
  | 'overview'
  | 'classPlans'
  | 'staffTraining'
  | 'research'
  | 'awards'
  | 'deadlines'
  | 'inspections'
  | 'ledger';

export const AREAS: readonly { key: AreaKey; ready: boolean }[] = [
  { key: 'overview', ready: false },
  { key: 'classPlans', ready: false },
  { key: 'staffTraining', ready: false },
  { key: 'research', ready: false },
  { key: 'awards', ready: false },
  { key: 'deadlines', ready: false },
  { key: 'inspections', ready: false },
  { key: 'ledger', ready: true },
];

interface NavigationState {
  area: AreaKey;
  go: (area: AreaKey) => void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  area: 'ledger',
  go: (area) => {
    if (AREAS.some((a) => a.key === area && a.ready)) set({ area });
  },
}));
