// Which area of the app is shown. "Tổng quan" is the first; "Tổ chức" (the
// cluster, its schools and catalogues) sits just before "Sổ cái"; "Kiểm tra – Kiểm toán"
// is the inspectors' area.

import { create } from 'zustand';

export type AreaKey =
  | 'overview'
  | 'classPlans'
  | 'staffTraining'
  | 'research'
  | 'awards'
  | 'deadlines'
  | 'inspections'
  | 'exchange'
  | 'organisation'
  | 'ledger';

export const AREAS: readonly { key: AreaKey; ready: boolean }[] = [
  { key: 'overview', ready: true },
  { key: 'classPlans', ready: true },
  { key: 'staffTraining', ready: true },
  { key: 'research', ready: true },
  { key: 'awards', ready: true },
  { key: 'deadlines', ready: true },
  { key: 'inspections', ready: true },
  { key: 'exchange', ready: true },
  { key: 'organisation', ready: true },
  { key: 'ledger', ready: true },
];

interface NavigationState {
  area: AreaKey;
  go: (area: AreaKey) => void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  area: 'overview',
  go: (area) => {
    if (AREAS.some((a) => a.key === area && a.ready)) set({ area });
  },
}));
