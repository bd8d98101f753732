// The moment the window shows the ledger as of: null is now (live, writable);
// a moment is a historical view in which every page answers as of then and
// nothing can be recorded.

import { create } from 'zustand';

interface AsOfState {
  /** RFC 3339, or null for now. */
  asOf: string | null;
  set: (asOf: string | null) => Promise<void>;
}

export const useAsOfStore = create<AsOfState>()((set) => ({
  asOf: null,
  set: async (asOf) => set({ asOf }),
}));

/** Whether forms may record: false in a historical view. */
export function useWritable(): boolean {
  return useAsOfStore((s) => s.asOf === null);
}
