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

/** The saved filters, or the current half-year for the whole cluster. */
export function loadFilters(storage: KeyValueStorage | undefined, now: Date = new Date()): Filters {
  const fallback: Filters = { period: halfYearOf(now), school: '' };
  try {
    const raw = storage?.getItem(FILTERS_STORAGE_KEY);
    if (!raw) return fallback;
    const v = JSON.parse(raw) as Partial<Filters>;
    return {
      period: typeof v.period === 'string' && parsePeriod(v.period) ? v.period : fallback.period,
      school: typeof v.school === 'string' ? v.school : '',
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
  setPeriod: (period: string) => void;
  setSchool: (school: string) => void;
  /** Something was recorded: every page fetches its figures again. */
  changed: () => void;
}

export function createFiltersStore(storage: KeyValueStorage | undefined, now: Date = new Date()) {
  return create<FiltersState>()((set, get) => ({
    ...loadFilters(storage, now),
    revision: 0,
    setPeriod: (period) => {
      if (!parsePeriod(period) || period === get().period) return;
      set({ period });
      saveFilters(storage, get());
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
