// State of the "Kiểm tra – Kiểm toán" area: which tab is open and, for the
// history tab, which entity (other pages open an entity's history here).

import { create } from 'zustand';

export type AuditTab = 'log' | 'history' | 'close' | 'digest' | 'inspection';

interface AuditState {
  tab: AuditTab;
  /** The entity whose history is shown: a stream or an id. */
  entity: string;
  setTab: (tab: AuditTab) => void;
  showHistory: (entity: string) => void;
}

export const useAuditStore = create<AuditState>()((set) => ({
  tab: 'log',
  entity: '',
  setTab: (tab) => set({ tab }),
  showHistory: (entity) => set({ tab: 'history', entity }),
}));
