// The moment the window shows the ledger as of: null is now (live, writable);
// a moment is a historical view in which every page answers as of then and
// nothing can be recorded. The Go side holds the moment (LedgerService.SetAsOf),
// so that the services answer as of it; this store mirrors it for the UI.

import { create } from 'zustand';
import type { SnapshotState } from '../api/exchange_snapshot';
import { LedgerService, type AsOfState as ServiceState } from '../api/ledger';
import { useFiltersStore } from './filters';

type AsOfApi = Pick<typeof LedgerService, 'SetAsOf' | 'AsOfState'>;

interface AsOfState {
  /** RFC 3339 (UTC), or null for now. */
  asOf: string | null;
  /** The events the shown ledger holds (recorded by asOf), null until known. */
  events: number | null;
  /** The period snapshot shown instead of the ledger, read-only; null for the ledger. */
  snapshot: SnapshotState | null;
  /** Takes a state the Go side answered with (opening or closing a snapshot); every
   * page then fetches again. */
  apply: (st: ServiceState) => void;
  /** A switch is under way: the view is being rebuilt. */
  switching: boolean;
  /** Shows the ledger as of asOf (RFC 3339 or "YYYY-MM-DD"), null for now; every page
   * then fetches again. Rejects with the service's refusal (ApiError), changing nothing. */
  set: (asOf: string | null) => Promise<void>;
  /** Takes the moment the Go side shows (at start, or after a read_only refusal). */
  sync: () => Promise<void>;
}

export function createAsOfStore(api: AsOfApi, onSwitched: () => void) {
  return create<AsOfState>()((set, get) => {
    const apply = (st: ServiceState) => {
      const asOf = st.historical ? st.as_of : null;
      const snapshot = st.snapshot ?? null;
      const moved = asOf !== get().asOf || snapshot?.path !== get().snapshot?.path;
      set({ asOf, events: st.events, snapshot });
      return moved;
    };
    return {
      asOf: null,
      events: null,
      snapshot: null,
      switching: false,
      apply: (st) => {
        apply(st);
        onSwitched();
      },
      set: async (asOf) => {
        set({ switching: true });
        try {
          apply(await api.SetAsOf(asOf ?? ''));
          onSwitched();
        } finally {
          set({ switching: false });
        }
      },
      sync: async () => {
        try {
          if (apply(await api.AsOfState())) onSwitched();
        } catch {
          // a build without AsOfState, or no backend: the window stays on now
        }
      },
    };
  });
}

export const useAsOfStore = createAsOfStore(LedgerService, () => useFiltersStore.getState().changed());

/** Whether forms may record: false in a historical view. */
export function useWritable(): boolean {
  return useAsOfStore((s) => s.asOf === null);
}
