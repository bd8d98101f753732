// The period and the school every area shows, shared by the pages, kept across
// restarts; and a revision that goes up whenever a command was recorded, so
// that what is on screen is fetched again.

import { create } from 'zustand';
import { halfYearOf, parsePeriod } from '../utils/period';

export const FILTERS_STORAGE_KEY = 'socai.filters';

export interface Filters {
  /** "2021-H1", "2021-H2", "2021" or "2021-03-01..2021-05-31". */
  period: string;
  /** A school_id, or "" for the whole cluster. */
  school: string;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The saved filters, or the current half-year for the whole cluster;
 * chosen says whether the period was saved (chosen by the user). */
export function loadFilters(
  storage: KeyValueStorage | undefined,
  now: Date = new Date(),
): Filters & { chosen: boolean } {
  const fallback = { period: halfYearOf(now), school: '', chosen: false };
  try {
    const raw = storage?.getItem(FILTERS_STORAGE_KEY);
    if (!raw) return fallback;
    const v = JSON.parse(raw) as Partial<Filters>;
    const saved = typeof v.period === 'string' && parsePeriod(v.period) !== null;
    return {
      period: saved ? (v.period as string) : fallback.period,
      school: typeof v.school === 'string' ? v.school : '',
      chosen: saved,
    };
  } catch {
    return fallback;
  }
}

export function saveFilters(storage: KeyValueStorage | undefined, f: Filters): void {
  try {
    storage?.setItem(FILTERS_STORAGE_KEY, JSON.stringify({ period: f.period, school: f.school }));
  } catch {
    // storage may be unavailable; the choice then lasts until the window closes
  }
}

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof window !== 'undefined' ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

interface FiltersState extends Filters {
  /** Goes up by one after every recorded command (and on a reload request). */
  revision: number;
  /** The period was chosen (now or in an earlier session), not defaulted. */
  chosen: boolean;
  setPeriod: (period: string) => void;
  /** Opens on the half-year of the ledger's latest fact, unless a period was chosen. */
  suggestFrom: (lastOccurredOn: string) => void;
  setSchool: (school: string) => void;
  /** Something was recorded: every page fetches its figures again. */
  changed: () => void;
}

export function createFiltersStore(storage: KeyValueStorage | undefined, now: Date = new Date()) {
  return create<FiltersState>()((set, get) => ({
    ...loadFilters(storage, now),
    revision: 0,
    setPeriod: (period) => {
      if (!parsePeriod(period)) return;
      set({ chosen: true });
      if (period === get().period) return;
      set({ period });
      saveFilters(storage, get());
    },
    suggestFrom: (lastOccurredOn) => {
      const d = /^\d{4}-\d{2}-\d{2}$/.test(lastOccurredOn) ? new Date(`${lastOccurredOn}T00:00:00`) : null;
      if (get().chosen || !d || Number.isNaN(d.getTime())) return;
      set({ period: halfYearOf(d) });
    },
    setSchool: (school) => {
      if (school === get().school) return;
      set({ school });
      saveFilters(storage, get());
    },
    changed: () => set((s) => ({ revision: s.revision + 1 })),
  }));
}

export const useFiltersStore = createFiltersStore(browserStorage());
