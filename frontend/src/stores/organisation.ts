// The cluster's schools and the class-type catalogue, for selectors, forms and names.

import { create } from 'zustand';
import { errorMessage } from '../api/bridge';
import { OrganisationService, type ClassType, type School } from '../api/organisation';

interface OrganisationState {
  schools: School[];
  classTypes: ClassType[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  load: () => Promise<void>;
}

export const useOrganisationStore = create<OrganisationState>()((set, get) => ({
  schools: [],
  classTypes: [],
  loaded: false,
  loading: false,
  error: null,
  load: async () => {
    if (get().loading) return;
    set({ loading: true, error: null });
    try {
      const [schools, classTypes] = await Promise.all([
        OrganisationService.Schools(),
        OrganisationService.ClassTypes(),
      ]);
      set({ schools: schools ?? [], classTypes: classTypes ?? [], loaded: true, loading: false });
    } catch (err) {
      set({ error: errorMessage(err), loading: false });
    }
  },
}));

/** A school's name, its id when unknown. */
export function schoolName(schools: readonly School[], id: string): string {
  return schools.find((s) => s.school_id === id)?.name ?? id;
}

/** A short name for charts: the province ("Sơn La"), else the name. */
export function schoolShortName(schools: readonly School[], id: string, fallback?: string): string {
  const s = schools.find((x) => x.school_id === id);
  return s?.province || s?.name || fallback || id;
}

/** The clusters the schools belong to, in order of appearance. */
export function clusterIds(schools: readonly School[]): string[] {
  return [...new Set(schools.map((s) => s.cluster_id).filter(Boolean))];
}
