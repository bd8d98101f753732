// State of the "Sổ cái" area: ledger info and the last verification.

import { create } from 'zustand';
import { errorMessage } from '../api/bridge';
import { LedgerService, type LedgerInfo, type VerifyReport } from '../api/ledger';

interface LedgerState {
  info: LedgerInfo | null;
  loading: boolean;
  error: string | null;

  report: VerifyReport | null;
  verifying: boolean;
  verifyError: string | null;

  load: () => Promise<void>;
  verify: () => Promise<void>;
}

export const useLedgerStore = create<LedgerState>()((set, get) => ({
  info: null,
  loading: false,
  error: null,
  report: null,
  verifying: false,
  verifyError: null,

  load: async () => {
    if (get().loading) return;
    set({ loading: true, error: null });
    try {
      const info = await LedgerService.Info();
      set({ info, loading: false });
    } catch (err) {
      set({ error: errorMessage(err), loading: false });
    }
  },

  verify: async () => {
    if (get().verifying) return;
    set({ verifying: true, verifyError: null });
    try {
      const report = await LedgerService.Verify();
      set({ report, verifying: false });
    } catch (err) {
      set({ verifyError: errorMessage(err), verifying: false, report: null });
    }
  },
}));
